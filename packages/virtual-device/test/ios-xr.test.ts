import { describe, expect, it } from 'vitest';
import { IOS_XR_CAPTURE_OPTIONS } from '../src/index.js';
import { CISCO_XR } from '../src/profiles/captures/cisco-xr.js';
import { logIn, open } from './netx.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'ios_xr',
  driver: 'ios_xr',
  captures: CISCO_XR,
  captureOptions: IOS_XR_CAPTURE_OPTIONS,
  commands: [
    ['show version', 'show version'],
    ['sh ver', 'show version'],
    ['show ip interface brief', 'show ip interface brief'],
    ['sh ip int br', 'show ip interface brief'],
    ['sh run hostname', 'show running-config hostname'],
  ],
  unknown: 'shw version',
  rejected: ['show'],
  config: { enter: 'configure terminal', prompt: /[\r\n]RP\/0\/RP0\/CPU0:r1\(config\)#$/, leave: 'end', after: /[\r\n]RP\/0\/RP0\/CPU0:r1#$/ },
  paged: 'show interfaces',
});

describe('profile ios_xr configuration', () => {
  it('applies a new host name on commit, and asks before dropping uncommitted changes', async () => {
    const s = open('ios_xr', { driver: 'ios_xr' });
    await logIn(s);
    await s.conn.execute('configure');
    await s.conn.execute('hostname pe9');
    expect((await s.conn.execute('commit')).match[0]).toMatch(/CPU0:pe9\(config\)#$/);
    await s.conn.execute('hostname pe10');
    await s.conn.send('end\r');
    await s.conn.expect(/\(yes\/no\/cancel\)\? \[cancel\]:$/);
    await s.conn.send('no\r');
    await s.conn.expectPrompt();
    expect((await s.conn.execute('show running-config hostname')).response).toContain('hostname pe9');
    expect(s.device.sessions[0]!.hostname).toBe('pe9');
    await s.conn.close();
  });
});

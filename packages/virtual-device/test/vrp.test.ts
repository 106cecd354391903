import { describe, expect, it } from 'vitest';
import { VRP_CAPTURE_OPTIONS } from '../src/index.js';
import { HUAWEI_VRP } from '../src/profiles/captures/huawei-vrp.js';
import { logIn, open } from './netx.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'vrp',
  driver: 'vrp',
  captures: HUAWEI_VRP,
  captureOptions: VRP_CAPTURE_OPTIONS,
  commands: [
    ['display version', 'display version'],
    ['dis ver', 'display version'],
    ['display interface brief', 'display interface brief'],
    ['dis int br', 'display interface brief'],
  ],
  unknown: 'dispaly version',
  rejected: ['display', 'dis i'],
  config: { enter: 'system-view', prompt: /[\r\n]\[~r1\]$/, leave: 'return', after: /[\r\n]<r1>$/ },
  paged: 'display interface',
});

describe('profile vrp views', () => {
  it('marks uncommitted changes [*r1], applies sysname on commit, and returns through interface views', async () => {
    const s = open('vrp', { driver: 'vrp' });
    await logIn(s);
    await s.conn.execute('system-view');
    expect((await s.conn.execute('sysname ce1')).match[0]).toMatch(/\[\*r1\]$/);
    expect((await s.conn.execute('commit')).match[0]).toMatch(/\[~ce1\]$/);
    expect((await s.conn.execute('interface GigabitEthernet0/3/0')).match[0]).toMatch(/\[~ce1-GigabitEthernet0\/3\/0\]$/);
    expect((await s.conn.execute('quit')).match[0]).toMatch(/\[~ce1\]$/);
    expect((await s.conn.execute('quit')).match[0]).toMatch(/<ce1>$/);
    // Leaving with an uncommitted change asks; N drops it.
    await s.conn.execute('system-view');
    await s.conn.execute('sysname ce2');
    await s.conn.send('return\r');
    await s.conn.expect(/\[Y\(yes\)\/N\(no\)\/C\(cancel\)\]:$/);
    await s.conn.send('N\r');
    expect((await s.conn.expectPrompt()).match[0]).toMatch(/<ce1>$/);
    await s.conn.close();
  });
});

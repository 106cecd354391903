import { describe, expect, it } from 'vitest';
import { LINUX_CAPTURE_OPTIONS } from '../src/index.js';
import { LINUX } from '../src/profiles/captures/linux.js';
import { logIn, open } from './netx.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'linux',
  driver: 'linux',
  captures: LINUX,
  captureOptions: LINUX_CAPTURE_OPTIONS,
  // bash has no abbreviations; `ip` has its own (`ip a` is `ip address show`).
  commands: [
    ['ip address show', 'ip address show'],
    ['ip a', 'ip address show'],
    ['ip route show', 'ip route show'],
    ['ip r', 'ip route show'],
    ['ip addr sh', 'ip address show'],
    ['dmidecode -t bios', 'dmidecode -t bios'],
  ],
  unknown: 'shw version',
  rejected: ['ipp a', 'sh ver'],
  enable: 'sudo -s',
});

describe('profile linux shell', () => {
  it('becomes root with sudo -s and goes back with exit; has no pager for netx to answer', async () => {
    const s = open('linux', { driver: 'linux' });
    await logIn(s);
    await s.conn.autoInit();
    await s.conn.send('sudo -s\r');
    await s.conn.appAuthorize();
    expect((await s.conn.execute('whoami')).response).toBe('whoami\r\nroot\r');
    expect((await s.conn.execute('exit')).match[0]).toMatch(/[\r\n]admin@r1:~\$ $/);
    expect((await s.conn.execute('hostname')).response).toBe('hostname\r\nr1\r');
    expect(s.device.sessions[0]!.pager.enabled).toBe(false);
    await s.conn.close();
  });
});

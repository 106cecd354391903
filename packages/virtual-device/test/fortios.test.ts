import { describe, expect, it } from 'vitest';
import { FORTIOS_CAPTURE_OPTIONS } from '../src/index.js';
import { FORTINET } from '../src/profiles/captures/fortinet.js';
import { logIn, open } from './netx.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'fortios',
  driver: 'fortios',
  captures: FORTINET,
  captureOptions: FORTIOS_CAPTURE_OPTIONS,
  commands: [
    ['get system status', 'get system status'],
    ['get sys stat', 'get system status'],
    ['get system arp', 'get system arp'],
    ['g sys arp', 'get system arp'],
  ],
  unknown: 'foo',
  rejected: ['get system', 'get sys foo'],
  config: { enter: 'config system interface', prompt: /[\r\n]r1 \(interface\) # $/, leave: 'end', after: /[\r\n]r1 # $/ },
  paged: 'get system interface physical',
});

describe('profile fortios contexts', () => {
  it("turns the pager back on with the driver's own console commands, applied at end", async () => {
    const s = open('fortios', { driver: 'fortios' });
    await logIn(s);
    await s.conn.autoInit();
    expect(s.device.sessions[0]!.pager.enabled).toBe(false);
    await s.conn.execute('config global');
    await s.conn.execute('config system console');
    expect((await s.conn.execute('set output more')).match[0]).toMatch(/r1 \(console\) # $/);
    expect(s.device.sessions[0]!.pager.enabled).toBe(false);
    await s.conn.execute('end');
    expect(s.device.sessions[0]!.pager.enabled).toBe(true);
    expect((await s.conn.execute('end')).match[0]).toMatch(/[\r\n]r1 # $/);
    await s.conn.close();
  });
});

import { describe, expect, it } from 'vitest';
import { ROUTEROS_CAPTURE_OPTIONS } from '../src/index.js';
import { MIKROTIK_ROUTEROS } from '../src/profiles/captures/mikrotik-routeros.js';
import { expectedResponse, logIn, open, trimmed } from './netx.js';
import { profileSuite } from './profile-suite.js';

profileSuite({
  profile: 'routeros',
  driver: 'routeros',
  captures: MIKROTIK_ROUTEROS,
  captureOptions: ROUTEROS_CAPTURE_OPTIONS,
  commands: [
    ['ip address print', 'ip address print'],
    ['ip addr pr', 'ip address print'],
    ['/system resource print', 'system resource print'],
    ['/sys res pr', 'system resource print'],
    ['/system identity print', 'system identity print'],
  ],
  unknown: 'shw',
  rejected: ['/ip a', 'ip address print foo'],
  paged: ['ip firewall filter print all', 'ip firewall filter print all without-paging'],
  pagerStaysOn: true,
});

describe('profile routeros menus', () => {
  it('moves into a menu, runs relative commands there, goes up with .. and to the root with /', async () => {
    const s = open('routeros', { driver: 'routeros' });
    await logIn(s);
    await s.conn.autoInit();
    expect((await s.conn.execute('/ip address')).match[0]).toMatch(/\[admin@r1\] \/ip address> $/);
    const r = await s.conn.execute('print');
    expect(trimmed(r.response)).toBe(expectedResponse('print', MIKROTIK_ROUTEROS['ip address print']!));
    expect((await s.conn.execute('..')).match[0]).toMatch(/\[admin@r1\] \/ip> $/);
    expect((await s.conn.execute('/')).match[0]).toMatch(/\[admin@r1\] > $/);
    await s.conn.close();
  });

  it('applies a change at once: /system identity set name= renames the prompt (RouterOS has no configuration mode)', async () => {
    const s = open('routeros', { driver: 'routeros' });
    await logIn(s);
    expect((await s.conn.execute('/system identity set name=gw2')).match[0]).toMatch(/\[admin@gw2\] > $/);
    expect((await s.conn.execute('/system identity print')).response).toContain('name: gw2');
    await s.conn.close();
  });
});

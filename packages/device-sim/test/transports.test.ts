// netx's own transports (SSH, Telnet, WebSocket raw and ttyd) log into simulated
// devices of every registered profile and run commands, on the devices' own
// ports and behind the shared ports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProfile, profileNames } from '@netx/virtual-device';
import type { Fleet } from '../src/index.js';
import { admin, CLIENT_KINDS, connectTo, portOf, protoOf, startFleet } from './helpers.js';


let fleet: Fleet;
beforeAll(async () => {
  fleet = await startFleet(
    [
      ...profileNames().map((profile) => ({ name: `p-${profile}`, profile })),
      {
        name: 'term',
        overrides: { commands: { 'show terminal': (ctx) => `size ${ctx.terminal.columns}x${ctx.terminal.rows} type ${ctx.terminal.type}\n` } },
      },
      { name: 'r7', ports: {} },
    ],
    { shared: { ssh: 0, telnet: 0, ws: 0 } },
  );
});
afterAll(() => fleet?.close());

describe.each(CLIENT_KINDS)('over %s', (kind) => {
  it.each(profileNames())('logs into a %s device and runs commands', async (profile) => {
    // The profile names its netx driver and a probe command; without them it is guessed and only logged into.
    const { driver, probe } = getProfile(profile);
    const conn = await connectTo(kind, portOf(fleet, `p-${profile}`, protoOf(kind)), driver ? { driver } : { guess: true });
    await conn.login(admin());
    expect(conn.isAppAuthenticated()).toBe(true);
    if (probe) expect((await conn.execute(probe.command)).response).toContain(probe.expect);
    await conn.close();
  });

  it('reaches a device behind the shared port', async () => {
    const proto = protoOf(kind);
    const shared = fleet.sharedPorts[proto]!;
    // SSH and Telnet pick the device from the user name; WebSocket from the URL path.
    const conn = await connectTo(kind, shared, kind.startsWith('ws') ? { path: '/r7' } : {});
    await conn.login(admin(kind.startsWith('ws') ? 'admin' : 'admin@r7'));
    const { response } = await conn.execute('show version');
    expect(response).toContain('r7 uptime is');
    await conn.close();
  });

  it('enters enable and configuration mode', async () => {
    const conn = await connectTo(kind, portOf(fleet, 'p-ios', protoOf(kind)));
    await conn.login(admin());
    // The ios driver authorizes on login with password2 ('enable').
    expect(conn.isAppAuthorized()).toBe(true);
    const run = await conn.execute('show running-config');
    expect(run.response).toContain('hostname p-ios');
    await conn.execute('configure terminal');
    await conn.execute('end');
    await conn.close();
  });
});

describe('terminal size', () => {
  it.each(['ssh', 'telnet', 'ws-ttyd'] as const)('over %s the device sees the client window', async (kind) => {
    const conn = await connectTo(kind, portOf(fleet, 'term', protoOf(kind)));
    await conn.login(admin());
    const { response } = await conn.execute('show terminal');
    expect(response).toMatch(/size 80x24/);
    await conn.close();
  });
});

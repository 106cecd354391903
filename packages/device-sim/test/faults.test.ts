// Every scripted fault ends (or spares) the session the way it says, over every
// transport netx has. Server-side delays run on a ManualClock; a client that must
// time out does so on its own ManualClock, so no assertion depends on real time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isNetxError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import type { FaultSpec, Fleet } from '../src/index.js';
import { admin, autoAdvance, CLIENT_KINDS, connectTo, portOf, protocolFor, protoOf, refused, startFleet, tempDir, track, until, type ClientKind } from './helpers.js';

let fleet: Fleet | undefined;
afterEach(async () => {
  await fleet?.close();
  fleet = undefined;
});

async function withFault(faults: FaultSpec, clock = new ManualClock()): Promise<{ fleet: Fleet; clock: ManualClock }> {
  fleet = await startFleet([{ name: 'f1', faults }], { clock });
  return { fleet, clock };
}

const port = (kind: ClientKind) => portOf(fleet!, 'f1', protoOf(kind));

describe.each(CLIENT_KINDS)('faults over %s', (kind) => {
  it('slowFirstByte: nothing until the delay passed on the fleet clock, then a normal session', async () => {
    const { clock } = await withFault({ slowFirstByte: 5_000 });
    const conn = protocolFor(kind);
    const login = track(conn.connect('127.0.0.1', port(kind)).then(() => conn.login(admin())));
    await until(() => clock.pending() > 0, 'the delayed start');
    await clock.advanceAsync(4_999);
    expect(login.settled).toBe(false);
    await clock.advanceAsync(1);
    await login.promise;
    expect((await conn.execute('show clock')).response).toContain('UTC');
    await conn.close();
  });

  it('latency: each reply waits the given ms on the fleet clock', async () => {
    const { clock } = await withFault({ latency: 2_000 });
    const stop = autoAdvance(clock);
    const conn = await connectTo(kind, port(kind));
    await conn.login(admin());
    stop();
    const reply = track(conn.execute('show clock'));
    await until(() => clock.pending() > 0, 'the delayed reply');
    await clock.advanceAsync(1_999);
    expect(reply.settled).toBe(false);
    await clock.advanceAsync(1);
    expect((await reply.promise).response).toContain('UTC');
    await conn.close();
  });

  it('latency: a client that leaves during the delay leaves no timer behind', async () => {
    const { clock } = await withFault({ latency: 2_000 });
    const stop = autoAdvance(clock);
    const conn = await connectTo(kind, port(kind));
    await conn.login(admin());
    stop();
    const reply = conn.execute('show clock').catch((e: unknown) => e);
    await until(() => clock.pending() > 0, 'the delayed reply');
    await conn.close(true);
    await reply;
    await until(() => clock.pending() === 0, 'the delay to be cancelled');
  });

  it('drip: output comes one byte per tick of the fleet clock', async () => {
    const { clock } = await withFault({ drip: 10 });
    const stop = autoAdvance(clock, 10);
    const conn = await connectTo(kind, port(kind));
    await conn.login(admin());
    const before = clock.now();
    const { response } = await conn.execute('show ip interface brief');
    stop();
    expect(response).toContain('GigabitEthernet0/2');
    // Every byte of the answer (echo, output, prompt) cost one 10 ms tick.
    expect(clock.now() - before).toBeGreaterThanOrEqual(10 * response.length);
    await conn.close();
  });

  it('dropMidCommand: the connection breaks (ConnectionError) in the middle of the output', async () => {
    await withFault({ dropMidCommand: { command: 'show version', afterBytes: 200 } });
    const conn = await connectTo(kind, port(kind));
    await conn.login(admin());
    expect((await conn.execute('show clock')).response).toContain('UTC');
    const err = await conn.execute('show version').catch((e: unknown) => e);
    expect(isNetxError(err, 'NETX_CONNECTION')).toBe(true);
  });

  /** Connects, starts the login and lets the client's own ManualClock run out its 10 s timeout. */
  async function loginError(): Promise<unknown> {
    const clientClock = new ManualClock();
    const conn = protocolFor(kind, { clock: clientClock, timeout: 10_000 });
    await conn.connect('127.0.0.1', port(kind));
    const login = track(conn.login(admin()));
    await until(() => clientClock.pending() > 0, 'the login wait');
    await clientClock.advanceAsync(10_000);
    const err = await login.promise.catch((e: unknown) => e);
    await conn.close();
    return err;
  }

  it('hang: the device never prompts; login times out on the client clock', async () => {
    await withFault({ hang: true });
    expect(isNetxError(await loginError(), 'NETX_TIMEOUT')).toBe(true);
  });

  it('garbage: line noise before the device, and the session still works', async () => {
    await withFault({ garbage: 64 });
    const seen: string[] = [];
    const conn = await connectTo(kind, port(kind), { stdout: (t) => seen.push(t) });
    await conn.login(admin());
    expect((await conn.execute('show clock')).response).toContain('UTC');
    expect(seen.join('')).toMatch(/[\x80-\xff]/);
    await conn.close();
  });

  it('garbage only: noise and never a prompt; login times out on the client clock', async () => {
    await withFault({ garbage: { bytes: 32, only: true } });
    expect(isNetxError(await loginError(), 'NETX_TIMEOUT')).toBe(true);
  });

  it('loginLoop: the device asks again whatever the answer; LoginFailure', async () => {
    await withFault({ loginLoop: true });
    const conn = await connectTo(kind, port(kind));
    const err = await conn.login(admin()).catch((e: unknown) => e);
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    await conn.close();
  });

  it("consoleBanner: a console server's banner comes first, then the device", async () => {
    await withFault({ consoleBanner: true });
    const seen: string[] = [];
    const conn = await connectTo(kind, port(kind), { stdout: (t) => seen.push(t) });
    await conn.login(admin());
    expect((await conn.execute('show clock')).response).toContain('UTC');
    expect(seen.join('')).toMatch(/Connected to console-server port 7017[\s\S]*f1#/);
    await conn.close();
  });

  it('refuseAfter: the first session is served, the next connection is refused', async () => {
    await withFault({ refuseAfter: 1 });
    const conn = await connectTo(kind, port(kind));
    await conn.login(admin());
    await conn.close();
    expect(await refused(port(kind))).toBe(true);
    const err = await connectTo(kind, port(kind)).catch((e: unknown) => e);
    expect(isNetxError(err, 'NETX_CONNECTION')).toBe(true);
  });

  it(`changedHostKey: ${kind === 'ssh' ? 'a client that knows the fleet key fails with HostKeyError' : 'no SSH, no effect: the session works'}`, async () => {
    await withFault({ changedHostKey: true });
    if (kind !== 'ssh') {
      const conn = await connectTo(kind, port(kind));
      await conn.login(admin());
      return conn.close();
    }
    const tmp = tempDir();
    try {
      const knownHosts = join(tmp.dir, 'known_hosts');
      writeFileSync(knownHosts, `[127.0.0.1]:${port(kind)} ${fleet!.hostKey.publicKey}\n`);
      const err = await connectTo(kind, port(kind), { knownHostsPath: knownHosts }).catch((e: unknown) => e);
      expect(isNetxError(err, 'NETX_HOST_KEY')).toBe(true);
    } finally {
      tmp.remove();
    }
  });
});

it('a device without the fault presents the fleet key: the same known_hosts line passes', async () => {
  fleet = await startFleet([{ name: 'f1' }]);
  const tmp = tempDir();
  try {
    const knownHosts = join(tmp.dir, 'known_hosts');
    writeFileSync(knownHosts, `[127.0.0.1]:${port('ssh')} ${fleet.hostKey.publicKey}\n`);
    const conn = await connectTo('ssh', port('ssh'), { knownHostsPath: knownHosts });
    await conn.login(admin());
    await conn.close();
  } finally {
    tmp.remove();
  }
});

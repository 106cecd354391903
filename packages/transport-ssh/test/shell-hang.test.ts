// A server that accepts the password and then never answers the session channel open,
// the PTY request or the shell request must not hold protocolAuthenticate() (or the
// Protocol's login()) forever: connectTimeout bounds the wait on the session clock.
import { afterAll, describe, expect, it } from 'vitest';
import { Account, ErrorCodes, Protocol, TimeoutError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { SshTransport } from '../src/index.js';
import { startKbdServer, type KbdServer } from './helpers/kbd-server.js';
import { authContext, createSession } from './helpers/session.js';

const PASSWORD = 'shell-hang-pw';
const LIMIT = 5_000;
const servers: KbdServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});

async function server(unanswered: 'session' | 'pty' | 'shell'): Promise<KbdServer> {
  const s = await startKbdServer({ password: PASSWORD, unanswered });
  servers.push(s);
  return s;
}

/** The error a shell that never opens must end with. */
function expectShellTimeout(err: unknown): void {
  expect(err).toBeInstanceOf(TimeoutError);
  expect((err as TimeoutError).code).toBe(ErrorCodes.TIMEOUT);
  expect((err as TimeoutError).operation).toBe('shell');
  expect((err as TimeoutError).ms).toBe(LIMIT);
  expect((err as Error).message).not.toContain(PASSWORD);
}

/** Lets I/O callbacks and promise reactions run; the manual clock does not move. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

describe('a server that never answers after the login', () => {
  for (const unanswered of ['session', 'pty', 'shell'] as const) {
    it(`no answer to the ${unanswered} request: protocolAuthenticate() fails with TimeoutError at connectTimeout, and the connection closes`, async () => {
      const sim = await server(unanswered);
      const clock = new ManualClock();
      const transport = new SshTransport({ agent: false });
      const session = createSession({ host: sim.host, port: sim.port, clock, connectTimeout: LIMIT });
      await transport.connect(session);
      let settled = false;
      const pending = transport
        .protocolAuthenticate(new Account({ name: 'u', password: PASSWORD }), authContext([], clock))
        .then(() => 'logged in', (e: unknown) => e)
        .finally(() => (settled = true));
      await sim.requested(unanswered);
      clock.advance(LIMIT - 1);
      await settle();
      expect(settled, 'protocolAuthenticate() ended before connectTimeout').toBe(false);
      clock.advance(1);
      await settle();
      expect(settled, `protocolAuthenticate() still pending at connectTimeout (${LIMIT} ms on the manual clock)`).toBe(true);
      const err = await pending;
      expectShellTimeout(err);
      expect((err as Error).message).toMatch(new RegExp(`127\\.0\\.0\\.1:${sim.port} accepted the login but did not open the interactive shell within ${LIMIT} ms`));
      expect(await session.closed).toBe(err);
      expect(clock.pending(), 'timers left on the session clock').toBe(0);
    });
  }

  it("the Protocol's login() ends with the same TimeoutError instead of hanging", async () => {
    const sim = await server('shell');
    const clock = new ManualClock();
    const conn = new Protocol({ transport: new SshTransport({ agent: false }), driver: 'generic', connectTimeout: LIMIT, timeout: LIMIT, clock, verifyFingerprint: false });
    await conn.connect(sim.host, sim.port);
    let settled = false;
    const login = conn
      .login(new Account({ name: 'u', password: PASSWORD }))
      .then(() => 'logged in', (e: unknown) => e)
      .finally(() => (settled = true));
    await sim.requested('shell');
    clock.advance(LIMIT);
    await settle();
    expect(settled, `login() still pending at connectTimeout (${LIMIT} ms on the manual clock)`).toBe(true);
    expectShellTimeout(await login);
    await conn.close();
  });
});

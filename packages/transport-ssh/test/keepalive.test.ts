// Keepalives: a peer that goes silent (a frozen TCP proxy in front of sshd) is detected
// and reported as TimeoutError instead of hanging the session forever. The keepalive runs
// on the session clock (a ManualClock here), so nothing depends on real-time silence: each
// ping goes out when the test moves the clock, and sshd's answer is awaited as an event.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Account, ErrorCodes, TimeoutError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { startFreezeProxy, type FreezeProxy } from '@netx/transport-test-kit';
import { SshTransport } from '../src/index.js';
import { authContext, createSession } from './helpers/session.js';
import { startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

const INTERVAL = 1000;
let sshd: Sshd;
let proxy: FreezeProxy | undefined;
beforeAll(async () => {
  sshd = await startSshd();
});
afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});
afterAll(async () => {
  await sshd?.stop();
});

/** A session through a fresh freeze proxy, logged in and at the prompt. */
async function loggedIn(countMax: number) {
  proxy = await startFreezeProxy({ host: sshd.host, port: sshd.port });
  const clock = new ManualClock();
  const transport = new SshTransport({ agent: false, keepaliveInterval: INTERVAL, keepaliveCountMax: countMax });
  const session = createSession({ host: proxy.host, port: proxy.port, clock });
  await transport.connect(session);
  await transport.protocolAuthenticate(new Account({ name: TEST_USER.name, password: TEST_USER.password }), authContext([], clock));
  await session.expect(/r1>$/);
  return { transport, session, clock, proxy };
}

describe('keepaliveInterval / keepaliveCountMax (on the session clock)', () => {
  it('sshd answers each keepalive: an idle session is kept, one ping per quiet interval', async () => {
    const { transport, session, clock } = await loggedIn(1);
    for (let i = 1; i <= 4; i++) {
      clock.advance(INTERVAL);
      // Each answer is awaited before the clock moves on: no real-time silence decides anything.
      await session.waitForDebug(/keepalive: SSH keepalive answered/, i);
    }
    expect(session.isClosed()).toBe(false);
    expect(session.debugLines().filter((l) => /keepalive: SSH keepalive \d+ after/.test(l))).toHaveLength(4);
    await transport.close();
    expect(clock.pending(), 'timers left on the session clock').toBe(0);
  });

  it('a peer that stops answering ends the session with TimeoutError (keepalive) after keepaliveCountMax pings', async () => {
    const { transport, session, clock, proxy } = await loggedIn(2);
    // One answered ping first: the path works, then the peer freezes.
    clock.advance(INTERVAL);
    await session.waitForDebug(/keepalive: SSH keepalive answered/);
    proxy.freeze();
    clock.advance(INTERVAL);
    clock.advance(INTERVAL);
    expect(session.isClosed(), 'ended before keepaliveCountMax pings went unanswered').toBe(false);
    clock.advance(INTERVAL);
    expect(session.isClosed()).toBe(true);
    const err = await session.closed;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err?.code).toBe(ErrorCodes.TIMEOUT);
    expect((err as TimeoutError).operation).toBe('keepalive');
    expect((err as TimeoutError).ms).toBe(3 * INTERVAL);
    expect((err as Error).message).toContain(`127.0.0.1:${proxy.port} answered none of 2 keepalive pings (SSH keepalive)`);
    await expect(transport.write(new TextEncoder().encode('x'))).rejects.toThrow();
    await transport.close();
  });
});

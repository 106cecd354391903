// Keepalives: a peer that goes silent (a frozen TCP proxy in front of sshd) is
// detected and reported as TimeoutError instead of hanging the session forever.
// ssh2 runs the keepalive timer itself (real time), so this waits, bounded, for the close.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, TimeoutError } from '@netx/core';
import { SshTransport } from '../src/index.js';
import { startFreezeProxy, type FreezeProxy } from './helpers/freeze-proxy.js';
import { authContext, createSession } from './helpers/session.js';
import { startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

let sshd: Sshd;
let proxy: FreezeProxy;
beforeAll(async () => {
  sshd = await startSshd();
  proxy = await startFreezeProxy(sshd.port);
});
afterAll(async () => {
  await proxy?.stop();
  await sshd?.stop();
});

describe('keepaliveInterval / keepaliveCountMax', () => {
  it('a peer that stops answering ends the session with TimeoutError (keepalive)', async () => {
    const transport = new SshTransport({ agent: false, keepaliveInterval: 100, keepaliveCountMax: 2 });
    const session = createSession({ host: '127.0.0.1', port: proxy.port });
    await transport.connect(session);
    await transport.protocolAuthenticate(new Account({ name: TEST_USER.name, password: TEST_USER.password }), authContext());
    await session.expect(/r1>$/);
    proxy.freeze();
    const bounded = new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 15_000).unref());
    const err = await Promise.race([session.closed, bounded]);
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).operation).toBe('keepalive');
    expect((err as Error).message).toContain(`127.0.0.1:${proxy.port}`);
    await expect(transport.write(new TextEncoder().encode('x'))).rejects.toThrow();
    await transport.close();
  });
});

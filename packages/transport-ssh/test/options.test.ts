// Options: TCP_NODELAY on the socket the transport opens, a caller-supplied socket,
// the algorithm offer (legacy opt-in, known host key types first), and validation.
import * as net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Account } from '@netx/core';
import { buildAlgorithms } from '../src/algorithms.js';
import { agentSocket, resolveOptions } from '../src/options.js';
import { SshTransport } from '../src/index.js';
import { authContext, createSession } from './helpers/session.js';
import { startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

// Record setNoDelay() on every socket node:net hands out, keeping real behaviour.
const noDelayCalls: boolean[] = [];
vi.mock('node:net', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:net')>();
  const connect = (...args: Parameters<typeof real.connect>) => {
    const socket = real.connect(...args);
    const original = socket.setNoDelay.bind(socket);
    socket.setNoDelay = (noDelay?: boolean) => {
      noDelayCalls.push(noDelay ?? true);
      return original(noDelay);
    };
    return socket;
  };
  return { ...real, connect, default: { ...real, connect } };
});

const account = new Account({ name: TEST_USER.name, password: TEST_USER.password });
let sshd: Sshd;
beforeAll(async () => {
  sshd = await startSshd();
});
afterAll(async () => sshd?.stop());

describe('sockets', () => {
  it('the TCP socket the transport opens has TCP_NODELAY set', async () => {
    noDelayCalls.length = 0;
    const transport = new SshTransport({ agent: false });
    await transport.connect(createSession({ host: sshd.host, port: sshd.port }));
    expect(noDelayCalls).toEqual([true]);
    await transport.close();
  });

  it('a caller-supplied connected socket is used (and gets TCP_NODELAY too)', async () => {
    const sock = new net.Socket();
    await new Promise<void>((resolve, reject) => sock.connect(sshd.port, '127.0.0.1', resolve).once('error', reject));
    const spy = vi.spyOn(sock, 'setNoDelay');
    const transport = new SshTransport({ agent: false, sock });
    const session = createSession({ host: 'device.invalid', port: 22 });
    await transport.connect(session);
    expect(spy).toHaveBeenCalledWith(true);
    await transport.protocolAuthenticate(account, authContext());
    await session.expect(/r1>$/);
    await transport.close();
    expect(sock.destroyed).toBe(true);
  });
});

describe('buildAlgorithms', () => {
  it("leaves ssh2's defaults alone when nothing is asked", () => {
    expect(buildAlgorithms({ legacy: false, knownKeyTypes: [], overrides: undefined })).toBeUndefined();
  });

  it('legacyAlgorithms appends the old kex, host key, cipher and MAC names (after the modern ones)', () => {
    const a = buildAlgorithms({ legacy: true, knownKeyTypes: [], overrides: undefined })!;
    expect(a.kex).toEqual({ append: ['diffie-hellman-group14-sha1', 'diffie-hellman-group-exchange-sha1', 'diffie-hellman-group1-sha1'] });
    expect(a.cipher).toEqual({ append: ['aes128-cbc', 'aes192-cbc', 'aes256-cbc', '3des-cbc'] });
    expect((a.serverHostKey as string[]).slice(-2)).toEqual(['ssh-rsa', 'ssh-dss']);
    expect((a.serverHostKey as string[])[0]).toBe('ssh-ed25519');
  });

  it('puts host key types already in known_hosts first, RSA with its SHA-2 names', () => {
    const a = buildAlgorithms({ legacy: false, knownKeyTypes: ['ssh-rsa'], overrides: undefined })!;
    expect((a.serverHostKey as string[]).slice(0, 4)).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa', 'ssh-ed25519']);
    expect(new Set(a.serverHostKey as string[]).size).toBe((a.serverHostKey as string[]).length);
  });

  it('explicit algorithms win', () => {
    const a = buildAlgorithms({ legacy: true, knownKeyTypes: [], overrides: { cipher: ['aes256-ctr'] } })!;
    expect(a.cipher).toEqual(['aes256-ctr']);
  });
});

describe('resolveOptions', () => {
  it('defaults', () => {
    const o = resolveOptions();
    expect(o).toMatchObject({ hostKeyPolicy: 'strict', hashKnownHosts: false, legacyAlgorithms: false, keepaliveInterval: 0, keepaliveCountMax: 3, jumpHosts: [], agent: true });
    expect(o.knownHostsPath).toMatch(/\.ssh\/known_hosts$/);
  });

  it('rejects bad values with a message naming the option', () => {
    expect(() => resolveOptions({ hostKeyPolicy: 'yes' as never })).toThrow(/hostKeyPolicy/);
    expect(() => resolveOptions({ keepaliveInterval: -1 })).toThrow(/keepaliveInterval/);
    expect(() => resolveOptions({ jumpHosts: [{ host: '', account }] })).toThrow(/jumpHosts\[0\]/);
  });

  it('agent: true means SSH_AUTH_SOCK when set; a string is a path; false is off', () => {
    expect(agentSocket(true, { SSH_AUTH_SOCK: '/tmp/a.sock' })).toBe('/tmp/a.sock');
    expect(agentSocket(true, {})).toBeUndefined();
    expect(agentSocket('/x.sock', {})).toBe('/x.sock');
    expect(agentSocket(false, { SSH_AUTH_SOCK: '/tmp/a.sock' })).toBeUndefined();
  });
});

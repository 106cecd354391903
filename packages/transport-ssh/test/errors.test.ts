// Failures become netx errors that name the host, and nothing hangs: refused port,
// a silent server (connect timeout on the Clock), a non-SSH server, algorithms that do
// not meet (and legacyAlgorithms fixing it), the peer closing mid-command, mapping of
// ssh2's error levels, and writes after the end.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, ConnectionError, LoginFailure, StateError, TimeoutError, type NetxError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { SshTransport } from '../src/index.js';
import { mapSshError } from '../src/ssh-errors.js';
import { startKbdServer } from './helpers/kbd-server.js';
import { authContext, createSession } from './helpers/session.js';
import { freePort, startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

const account = new Account({ name: TEST_USER.name, password: TEST_USER.password });
const enc = (s: string) => new TextEncoder().encode(s);

/** A TCP server on 127.0.0.1 that runs `onSocket` for each connection. */
async function tcpServer(onSocket: (s: Socket) => void): Promise<{ port: number; accepted: Promise<void>; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let onAccepted!: () => void;
  const accepted = new Promise<void>((r) => (onAccepted = r));
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    onAccepted();
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    accepted,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function connectError(transport: SshTransport, port: number, extra: { clock?: ManualClock; connectTimeout?: number } = {}): Promise<NetxError> {
  const err = await transport.connect(createSession({ host: '127.0.0.1', port, ...extra })).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return err as NetxError;
}

describe('connect failures', () => {
  it('a closed port -> ConnectionError "refused" naming host and port', async () => {
    const port = await freePort();
    const err = await connectError(new SshTransport(), port);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('refused');
    expect(err.message).toContain(`127.0.0.1:${port}`);
    expect(err.host).toBe('127.0.0.1');
  });

  it('a name that cannot resolve (.invalid, RFC 6761) -> ConnectionError "dns"', async () => {
    const transport = new SshTransport();
    const err = await transport.connect(createSession({ host: 'netx-no-such-host.invalid', port: 22, connectTimeout: 30_000 })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('dns');
    expect((err as Error).message).toContain('netx-no-such-host.invalid');
  }, 40_000);

  it('a server that accepts and says nothing -> TimeoutError from connectTimeout on the Clock', async () => {
    const silent = await tcpServer(() => undefined);
    try {
      const clock = new ManualClock();
      const pending = connectError(new SshTransport(), silent.port, { clock, connectTimeout: 3_000 });
      await silent.accepted;
      clock.advance(3_000);
      const err = await pending;
      expect(err).toBeInstanceOf(TimeoutError);
      expect(err.message).toContain(`127.0.0.1:${silent.port}`);
    } finally {
      await silent.stop();
    }
  });

  it('a server that is not SSH -> ConnectionError "handshake"', async () => {
    const http = await tcpServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    try {
      const err = await connectError(new SshTransport(), http.port);
      expect(err).toBeInstanceOf(ConnectionError);
      expect((err as ConnectionError).reason).toBe('handshake');
      expect(err.message).toContain(`127.0.0.1:${http.port}`);
    } finally {
      await http.stop();
    }
  });
});

describe('legacy algorithms (OpenSSH configured like an old device)', () => {
  let sshd: Sshd;
  beforeAll(async () => {
    sshd = await startSshd({
      config: [
        'KexAlgorithms diffie-hellman-group14-sha1,diffie-hellman-group1-sha1',
        'Ciphers aes128-cbc,aes256-cbc,3des-cbc',
        'HostKeyAlgorithms ssh-rsa',
      ],
    });
  });
  afterAll(async () => sshd?.stop());

  it('without legacyAlgorithms the key exchange fails with a hint', async () => {
    const err = await connectError(new SshTransport(), sshd.port);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('handshake');
    expect(err.message).toMatch(/legacyAlgorithms: true/);
  });

  it('with legacyAlgorithms: true it connects, logs in and runs a command', async () => {
    const transport = new SshTransport({ legacyAlgorithms: true, agent: false });
    const session = createSession({ host: sshd.host, port: sshd.port });
    await transport.connect(session);
    expect(session.debugLines().join('\n')).toMatch(/key exchange done \(diffie-hellman-group14-sha1|diffie-hellman-group1-sha1/);
    expect(session.debugLines().join('\n')).toMatch(/ssh-rsa, (aes128|aes256|3des)-cbc/);
    await transport.protocolAuthenticate(account, authContext());
    await session.expect(/r1>$/);
    await transport.write(enc('show version\r'));
    expect(await session.expect(/r1>$/)).toContain('Cisco IOS Software');
    await transport.close();
  });
});

describe('after login', () => {
  let sshd: Sshd;
  beforeAll(async () => {
    sshd = await startSshd();
  });
  afterAll(async () => sshd?.stop());

  async function loggedIn() {
    const transport = new SshTransport({ agent: false });
    const session = createSession({ host: sshd.host, port: sshd.port });
    await transport.connect(session);
    await transport.protocolAuthenticate(account, authContext());
    await session.expect(/r1>$/);
    return { transport, session };
  }

  it('the device dying mid-command is a clean peer close; later writes fail with ConnectionError', async () => {
    const { transport, session } = await loggedIn();
    await transport.write(enc('show crash\r'));
    expect(await session.closed).toBeUndefined();
    expect(session.text()).toContain('Building configuration...\r\ninterface Gi');
    const err = await transport.write(enc('show version\r')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as Error).message).toContain('127.0.0.1');
    await transport.close();
  });

  it('exit closes cleanly (onClose without error, exactly once)', async () => {
    const { transport, session } = await loggedIn();
    await transport.write(enc('exit\r'));
    expect(await session.closed).toBeUndefined();
    await transport.close();
    expect(session.closeCalls()).toBe(1);
  });

  it('close() from our side ends the session politely; close(true) is idempotent', async () => {
    const { transport, session } = await loggedIn();
    await transport.close();
    expect(await session.closed).toBeUndefined();
    await transport.close(true);
  });

  it('write before protocolAuthenticate is a StateError', async () => {
    const transport = new SshTransport({ agent: false });
    await transport.connect(createSession({ host: sshd.host, port: sshd.port }));
    await expect(transport.write(enc('x'))).rejects.toBeInstanceOf(StateError);
    await transport.close();
  });

  it('window size changes reach the PTY', async () => {
    const transport = new SshTransport({ agent: false });
    const session = createSession({ host: sshd.host, port: sshd.port, termType: 'vt100', columns: 132, rows: 40 });
    await transport.connect(session);
    await transport.protocolAuthenticate(account, authContext());
    await session.expect(/r1>$/);
    await transport.write(enc('show term\r'));
    expect(await session.expect(/r1>$/)).toContain('Type: "vt100"\r\nLength: 40 lines, Width: 132 columns');
    transport.resize(100, 30);
    // The window-change request and the next command travel in order on one connection.
    await transport.write(enc('show term\r'));
    expect(await session.expect(/r1>$/)).toContain('Length: 30 lines, Width: 100 columns');
    await transport.close();
  });
});

describe('the server dropping the connection', () => {
  it('between connect() and protocolAuthenticate(): onClose(ConnectionError), and the login fails with it', async () => {
    const sim = await startKbdServer({ rounds: [] });
    try {
      const transport = new SshTransport({ agent: false });
      const session = createSession({ host: sim.host, port: sim.port });
      await transport.connect(session);
      await sim.stop();
      const closeErr = await session.closed;
      expect(closeErr).toBeInstanceOf(ConnectionError);
      const err = await transport.protocolAuthenticate(new Account({ name: 'u', password: 'pw' }), authContext()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectionError);
    } finally {
      await sim.stop();
    }
  });

  it('a disconnect without closing the shell -> onClose(ConnectionError) and failing writes', async () => {
    const sim = await startKbdServer({ rounds: [[{ prompt: 'Password: ', expect: 'pw' }]] });
    try {
      const transport = new SshTransport({ agent: false });
      const session = createSession({ host: sim.host, port: sim.port });
      await transport.connect(session);
      await transport.protocolAuthenticate(new Account({ name: 'u', password: 'pw' }), authContext());
      await session.expect(/sim>$/);
      await sim.stop(); // ends every SSH connection, leaving the channel open
      const closeErr = await session.closed;
      expect(closeErr).toBeInstanceOf(ConnectionError);
      expect(closeErr?.message).toContain(`127.0.0.1:${sim.port}`);
      await expect(transport.write(enc('x'))).rejects.toBeInstanceOf(ConnectionError);
    } finally {
      await sim.stop();
    }
  });
});

describe('mapSshError', () => {
  const ctx = { host: 'r1.lab', port: 22, during: 'connect' };
  const e = (message: string, extra: Record<string, unknown>) => Object.assign(new Error(message), extra);
  it.each([
    [e('All configured authentication methods failed', { level: 'client-authentication' }), LoginFailure, undefined],
    [e('Keepalive timeout', { level: 'client-timeout' }), TimeoutError, undefined],
    [e('Timed out while waiting for handshake', { level: 'client-timeout' }), TimeoutError, undefined],
    [e('Connection lost before handshake', { level: 'protocol' }), ConnectionError, 'handshake'],
    [e('Handshake failed: no matching key exchange algorithm', { level: 'handshake' }), ConnectionError, 'handshake'],
    [e("Error while looking up IPv4 address for 'r1.lab'", { level: 'client-dns' }), ConnectionError, 'dns'],
    [e('getaddrinfo ENOTFOUND r1.lab', { level: 'client-socket', code: 'ENOTFOUND' }), ConnectionError, 'dns'],
    [e('connect EHOSTUNREACH', { level: 'client-socket', code: 'EHOSTUNREACH' }), ConnectionError, 'unreachable'],
    [e('connect ECONNREFUSED', { level: 'client-socket', code: 'ECONNREFUSED' }), ConnectionError, 'refused'],
    [e('read ECONNRESET', { level: 'client-socket', code: 'ECONNRESET' }), ConnectionError, 'reset'],
    [e('Too many authentication failures', { code: 2 }), ConnectionError, 'closed'],
  ] as const)('%s', (err, type, reason) => {
    const mapped = mapSshError(err, ctx);
    expect(mapped).toBeInstanceOf(type);
    if (reason) expect((mapped as ConnectionError).reason).toBe(reason);
    expect(mapped.message).toContain('r1.lab');
    expect(mapped.cause).toBe(err);
  });
});

// Small servers for faults the device simulator cannot script: raw bytes on TCP
// (telnet command floods, an HTTP upgrade nobody answers), an SSH server that
// accepts the password and then ignores the PTY request, TLS with a self-signed
// certificate. Each counts its open connections, so a cell can see the close.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import ssh2 from 'ssh2';
import { generateHostKey } from '@netx/device-sim';

export interface FaultServer {
  readonly port: number;
  /** Connections the server holds open now. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Tracks the sockets of a listening server and closes them all on close(). */
function tracked(server: Server, event: 'connection' | 'secureConnection', onSocket: (socket: Socket) => void): Promise<FaultServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on(event, onSocket);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        port,
        get connections() {
          return sockets.size;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A TCP server that hands each connection to `script` (which writes raw bytes) and reads everything sent. */
export function rawTcpServer(script: (socket: Socket) => void): Promise<FaultServer> {
  return tracked(createServer(), 'connection', (socket) => {
    socket.resume(); // whatever the client says (negotiation replies, credentials) is read and dropped
    script(socket);
  });
}

/** An SSH server that accepts any user with `password`, opens the session channel and never answers the PTY request. */
export async function sshPtyUnanswered(password: string): Promise<FaultServer & { readonly ptyRequests: number }> {
  const hostKey = generateHostKey('netx-reliability').privateKey;
  let ptyRequests = 0;
  const server = await tracked(createServer(), 'connection', (socket) => {
    const ssh = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
      client.on('error', () => undefined);
      client.on('authentication', (ctx) => (ctx.method === 'password' && ctx.password === password ? ctx.accept() : ctx.reject(['password'])));
      client.on('ready', () => {
        client.on('session', (accept) => {
          // The PTY (and so the shell) request is heard and never answered.
          accept().on('pty', () => void ptyRequests++);
        });
      });
    });
    ssh.on('error', () => undefined);
    ssh.injectSocket(socket);
  });
  return {
    port: server.port,
    get connections() {
      return server.connections;
    },
    close: () => server.close(),
    get ptyRequests() {
      return ptyRequests;
    },
  };
}

/** A TLS server whose certificate is self-signed (made by openssl for 127.0.0.1); it never gets to WebSocket. */
export function selfSignedTlsServer(): Promise<FaultServer> {
  const dir = mkdtempSync(join(tmpdir(), 'netx-reliability-tls-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore' },
    );
    const server = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) });
    server.on('tlsClientError', () => undefined);
    return tracked(server, 'secureConnection', (socket) => socket.resume());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

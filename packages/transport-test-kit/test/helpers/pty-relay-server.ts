// A protocol-less "login server": each TCP connection gets `script` (util-linux)
// running the hub's relay on a fresh pty, the way telnetd or sshd would run it.
// Running the contract through it proves the relay's raw tty mode end to end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import type { RelayHub } from '../../src/index.js';

export interface PtyRelayServer {
  readonly port: number;
  stop(): Promise<void>;
}

/** `preamble`: bytes the server writes itself before starting the relay, like telnetd's issue text. */
export async function startPtyRelayServer(hub: RelayHub, options: { preamble?: string } = {}): Promise<PtyRelayServer> {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('startPtyRelayServer needs `script` from util-linux: apt-get install -y util-linux');
  }
  const children = new Set<ChildProcess>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    if (options.preamble) socket.write(options.preamble);
    const child = spawn('script', ['-qfec', hub.relayShellCommand, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'] });
    children.add(child);
    socket.on('error', () => undefined);
    child.stdin!.on('error', () => undefined);
    socket.pipe(child.stdin!);
    child.stdout!.pipe(socket);
    // The client hung up: tear the pty down as telnetd does (the relay sees SIGHUP).
    socket.once('close', () => {
      sockets.delete(socket);
      if (child.exitCode === null) child.kill('SIGTERM');
    });
    child.once('exit', () => children.delete(child));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('pty relay server: no address');
  return {
    port: address.port,
    async stop() {
      for (const s of sockets) s.destroy();
      for (const c of children) c.kill('SIGKILL');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// A protocol-less "login server": each TCP connection gets `script` (util-linux)
// running the hub's relay on a fresh pty, the way telnetd or sshd would run it.
// Running the contract through it proves the relay's raw tty mode end to end.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { withDeadline, type RelayHub } from '../../src/index.js';
import { listenOnLoopback } from '../../src/listen.js';

export interface PtyRelayServer {
  readonly port: number;
  stop(): Promise<void>;
}

/**
 * Ends `script` and everything in its process group at once. SIGKILL, not SIGTERM: on SIGTERM
 * `script` signals its child and then sleeps 2 s, and a `script` blocked writing its stdout
 * never reads the signal at all. Killing it closes the pty master, so the relay on the slave
 * side sees the hang-up (SIGHUP, EIO), as a login session does when telnetd drops the line.
 */
function hangUp(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** `preamble`: bytes the server writes itself before starting the relay, like telnetd's issue text. */
export async function startPtyRelayServer(hub: RelayHub, options: { preamble?: string } = {}): Promise<PtyRelayServer> {
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('startPtyRelayServer needs `script` from util-linux: apt-get install -y util-linux');
  }
  const exits = new Map<ChildProcess, Promise<void>>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    if (options.preamble) socket.write(options.preamble);
    // detached: `script` leads its own process group, so hangUp() can end the group.
    const child = spawn('script', ['-qfec', hub.relayShellCommand, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], detached: true });
    exits.set(child, new Promise<void>((resolve) => child.once('close', () => resolve())));
    child.once('close', () => exits.delete(child));
    socket.on('error', () => undefined);
    child.stdin!.on('error', () => undefined);
    child.stdout!.on('error', () => undefined);
    socket.pipe(child.stdin!);
    child.stdout!.pipe(socket);
    // The client hung up. The pipe to the socket stops here, so whatever `script` still
    // writes must be read and dropped: a full stdout pipe would block `script`, then the relay.
    socket.once('close', () => {
      sockets.delete(socket);
      child.stdout!.unpipe(socket);
      child.stdout!.resume();
      hangUp(child);
    });
  });
  const port = await listenOnLoopback(server, 'pty relay server');
  return {
    port,
    async stop() {
      for (const s of sockets) s.destroy();
      for (const c of exits.keys()) hangUp(c);
      const closed = Promise.all([...exits.values(), new Promise<void>((resolve) => server.close(() => resolve()))]);
      await withDeadline(closed, 10_000, 'pty relay server: `script` processes and the listener closing after SIGKILL');
    },
  };
}

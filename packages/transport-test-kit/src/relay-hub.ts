// A loopback TCP server whose every accepted connection is a PeerConnection:
// the meeting point of the relay script (run behind telnetd/sshd) and the tests.
import { createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_WAIT_MS, DeadlineError } from './deadline.js';
import { listenOnLoopback } from './listen.js';
import { SocketPeerConnection, type PeerConnection, type StartedPeer } from './peer.js';

export interface RelayHub {
  /** The hub's port on 127.0.0.1. */
  readonly port: number;
  /** argv that relays a server session to this hub: `[node, /abs/relay.mjs, port]`. */
  readonly relayCommand: string[];
  /** `relayCommand` quoted for a POSIX shell (sshd ForceCommand runs through the user's shell). */
  readonly relayShellCommand: string;
  /**
   * An executable `/bin/sh` script that execs `relayCommand`, for servers whose login program
   * takes a path without arguments (busybox telnetd `-l`). Created on first call, removed by stop().
   * The relay runs with `--hold-pty`: busybox telnetd ends a session as soon as it sees its
   * login program exit, dropping pty output it has not read yet, so when the hub hangs up the
   * relay closes the terminal and waits for telnetd to read the rest and end it.
   */
  relayLauncher(): string;
  /** The device side of the next accepted connection (accept order; bounded wait, default 10 s). */
  nextConnection(timeoutMs?: number): Promise<PeerConnection>;
  /** Resolves once `count` hub connections have closed since start, claimed or not (bounded wait, default 10 s). */
  waitForClosed(count: number, timeoutMs?: number): Promise<void>;
  /** Closes the server and every connection. */
  stop(): Promise<void>;
}

/** Absolute path of the relay script shipped with this package. */
export function relayScriptPath(): string {
  const here = new URL('./relay.mjs', import.meta.url);
  if (existsSync(here)) return fileURLToPath(here);
  // Built copy in dist/ whose build did not copy the script: use the one in src/.
  const src = new URL('../src/relay.mjs', import.meta.url);
  if (existsSync(src)) return fileURLToPath(src);
  throw new Error(`@netx/transport-test-kit: relay.mjs not found next to ${fileURLToPath(import.meta.url)}; reinstall the package.`);
}

function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_\-./:=@%+,]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export async function startRelayHub(): Promise<RelayHub> {
  const accepted: SocketPeerConnection[] = [];
  const waiters: Array<(conn: SocketPeerConnection) => void> = [];
  const sockets = new Set<Socket>();
  let closedCount = 0;
  const closeWaiters = new Set<() => void>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      closedCount++;
      for (const check of closeWaiters) check();
    });
    const conn = new SocketPeerConnection(socket, `peer (hub connection from port ${socket.remotePort})`);
    const waiter = waiters.shift();
    if (waiter) waiter(conn);
    else accepted.push(conn);
  });
  const port = await listenOnLoopback(server, 'relay hub');
  const relayCommand = [process.execPath, relayScriptPath(), String(port)];
  const relayShellCommand = relayCommand.map(shellQuote).join(' ');
  let launcherDir: string | undefined;
  let stopped = false;

  return {
    port,
    relayCommand,
    relayShellCommand,
    relayLauncher(): string {
      if (!launcherDir) {
        launcherDir = mkdtempSync(join(tmpdir(), 'netx-relay-'));
        // Servers may run the launcher as another user (sshd ForceCommand).
        chmodSync(launcherDir, 0o755);
      }
      const path = join(launcherDir, 'relay.sh');
      if (!existsSync(path)) {
        writeFileSync(path, `#!/bin/sh\nexec ${relayShellCommand} --hold-pty\n`);
        chmodSync(path, 0o755);
      }
      return path;
    },
    nextConnection(timeoutMs = DEFAULT_WAIT_MS): Promise<PeerConnection> {
      if (stopped) return Promise.reject(new Error('relay hub: nextConnection() after stop().'));
      // A connection that already ended (left over from an earlier, failed test) is no use.
      while (accepted.length > 0) {
        const conn = accepted.shift()!;
        if (!conn.ended) return Promise.resolve(conn);
      }
      return new Promise<PeerConnection>((resolve, reject) => {
        const waiter = (conn: SocketPeerConnection) => {
          clearTimeout(timer);
          resolve(conn);
        };
        const timer = setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(
            new DeadlineError(
              `relay hub 127.0.0.1:${port}: no connection within ${timeoutMs} ms; check that the server runs the relay command (${relayCommand.join(' ')}) and that the client got through login.`,
            ),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    waitForClosed(count: number, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (closedCount < count) return;
          closeWaiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          closeWaiters.delete(check);
          reject(new DeadlineError(`relay hub 127.0.0.1:${port}: ${closedCount} of the ${count} awaited connection(s) closed within ${timeoutMs} ms.`));
        }, timeoutMs);
        closeWaiters.add(check);
        check();
      });
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      for (const socket of sockets) socket.destroy();
      if (launcherDir) rmSync(launcherDir, { recursive: true, force: true });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A StartedPeer that the transport reaches directly over TCP on 127.0.0.1
 * (a raw TCP transport, or the target of websockify).
 */
export async function tcpPeer(): Promise<StartedPeer & { readonly hub: RelayHub }> {
  const hub = await startRelayHub();
  return {
    host: '127.0.0.1',
    port: hub.port,
    hub,
    nextConnection: (timeoutMs?: number) => hub.nextConnection(timeoutMs),
    stop: () => hub.stop(),
  };
}

// A far side that accepts TCP connections and never says a word: connects to it
// stay pending in every protocol that waits for the server to speak first.
import { createServer, type Socket } from 'node:net';
import { listenOnLoopback } from './listen.js';

export interface SilentPeer {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

export async function startSilentPeer(): Promise<SilentPeer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server, 'silent peer');
  return {
    host: '127.0.0.1',
    port,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A 127.0.0.1 port with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listenOnLoopback(server, 'closedPort');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

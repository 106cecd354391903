// A TCP proxy on 127.0.0.1 that forwards to a target until freeze(), then swallows every
// byte in both directions without closing anything: a peer (or the path to it) that died
// silently, as keepalive tests need.
import { connect, createServer, type Socket } from 'node:net';
import { listenOnLoopback } from './listen.js';

export interface FreezeProxy {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** From now on nothing passes either way; every socket stays open. */
  freeze(): void;
  /** Closes the listener and every socket. */
  stop(): Promise<void>;
}

export async function startFreezeProxy(target: { host: string; port: number }): Promise<FreezeProxy> {
  let frozen = false;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect({ host: target.host, port: target.port });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.on('data', (d) => frozen || upstream.write(d));
    upstream.on('data', (d) => frozen || client.write(d));
    client.on('end', () => frozen || upstream.end());
    upstream.on('end', () => frozen || client.end());
    // A hang-up is forwarded until the freeze; after it, the far side seems to live on.
    client.on('close', () => frozen || upstream.destroy());
    upstream.on('close', () => frozen || client.destroy());
  });
  const port = await listenOnLoopback(server, 'freeze proxy');
  return {
    host: '127.0.0.1',
    port,
    freeze: () => {
      frozen = true;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

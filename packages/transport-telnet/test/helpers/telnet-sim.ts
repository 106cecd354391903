// An in-repo telnet "server" for tests: a plain node:net listener whose side of
// each connection the test scripts byte by byte (raw IAC sequences, split
// writes, garbage) and whose received bytes the test inspects.
import { createServer, type Server, type Socket } from 'node:net';

export interface SimPeer {
  /** Sends raw bytes to the client, unchanged. */
  write(bytes: Uint8Array | number[] | string): Promise<void>;
  /** All bytes the client sent so far. */
  received(): Uint8Array;
  /** Waits (bounded) until the received bytes contain `needle`; returns the index after it. */
  waitFor(needle: Uint8Array | number[] | string, from?: number): Promise<number>;
  /** Half-closes (FIN) and then closes. */
  close(): Promise<void>;
  /** Tears the socket down with an RST. */
  reset(): void;
  readonly closed: Promise<void>;
}

export interface TelnetSim {
  readonly host: string;
  readonly port: number;
  nextConnection(): Promise<SimPeer>;
  stop(): Promise<void>;
}

const WAIT_LIMIT_MS = 10_000;

export function bytesOf(value: Uint8Array | number[] | string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Uint8Array.from(Buffer.from(value, 'latin1'));
  return Uint8Array.from(value);
}

export async function startTelnetSim(host = '127.0.0.1'): Promise<TelnetSim> {
  const waiting: ((peer: SimPeer) => void)[] = [];
  const ready: SimPeer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const peer = makePeer(socket);
    socket.once('close', () => sockets.delete(socket));
    const w = waiting.shift();
    if (w) w(peer);
    else ready.push(peer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host,
    port,
    nextConnection: () => {
      const p = ready.shift();
      if (p) return Promise.resolve(p);
      return new Promise<SimPeer>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no client connected to the telnet simulator within ${WAIT_LIMIT_MS} ms`)), WAIT_LIMIT_MS);
        waiting.push((peer) => {
          clearTimeout(t);
          resolve(peer);
        });
      });
    },
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function makePeer(socket: Socket): SimPeer {
  const chunks: Buffer[] = [];
  let wake: (() => void) | undefined;
  let isClosed = false;
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      isClosed = true;
      wake?.();
      resolve();
    }),
  );
  socket.on('data', (d: Buffer) => {
    chunks.push(d);
    wake?.();
  });
  socket.on('error', () => undefined);
  const received = (): Uint8Array => Uint8Array.from(Buffer.concat(chunks));
  return {
    write: (bytes) =>
      new Promise<void>((resolve, reject) => socket.write(bytesOf(bytes), (err) => (err ? reject(err) : resolve()))),
    received,
    async waitFor(needle, from = 0) {
      const n = Buffer.from(bytesOf(needle));
      const started = Date.now();
      for (;;) {
        const all = Buffer.concat(chunks);
        const at = all.indexOf(n, from);
        if (at >= 0) return at + n.length;
        if (isClosed) throw new Error(`client closed before sending ${JSON.stringify(n.toString('latin1'))}; got ${JSON.stringify(all.toString('latin1'))}`);
        const left = WAIT_LIMIT_MS - (Date.now() - started);
        if (left <= 0) throw new Error(`client did not send ${JSON.stringify(n.toString('latin1'))} within ${WAIT_LIMIT_MS} ms; got ${JSON.stringify(all.toString('latin1'))}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = undefined;
      }
    },
    close: async () => {
      socket.end();
      await closed;
    },
    reset: () => {
      socket.resetAndDestroy();
    },
    closed,
  };
}

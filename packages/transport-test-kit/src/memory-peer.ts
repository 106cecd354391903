// In-process peers for transports that never touch a socket (the dummy
// transport, virtual devices): the same PeerConnection the tests drive, joined
// to a client end the transport holds instead of a TCP connection.
import { ByteInbox } from './byte-inbox.js';
import { DEFAULT_WAIT_MS, DeadlineError } from './deadline.js';
import { toBytes, type PeerConnection, type StartedPeer } from './peer.js';

/** What the in-process transport holds in place of a socket. */
export interface MemoryClientEnd {
  /** Client -> device. Throws after either side closed. */
  write(bytes: Uint8Array): void;
  /** The client hangs up; the device side sees `closed` resolve. Idempotent. */
  close(): void;
  /**
   * Receives device -> client bytes and the device's hang-up, asynchronously and in order.
   * Bytes the device wrote before attach() are held and delivered first.
   */
  attach(handlers: { onData(bytes: Uint8Array): void; onEnd(): void }): void;
  /** True once either side closed. */
  readonly ended: boolean;
}

export interface MemoryPeerPair {
  /** The device side, driven by the tests. */
  readonly peer: PeerConnection;
  /** The client side, held by the transport. */
  readonly client: MemoryClientEnd;
}

type Event = { data: Uint8Array } | { end: true };

export function createMemoryPeerPair(label = 'memory peer'): MemoryPeerPair {
  const inbox = new ByteInbox(label);
  const toClient: Event[] = [];
  let handlers: { onData(bytes: Uint8Array): void; onEnd(): void } | undefined;
  let flushing = false;
  let ended = false;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));

  const flush = () => {
    if (flushing || !handlers) return;
    flushing = true;
    queueMicrotask(() => {
      flushing = false;
      const h = handlers;
      if (!h) return;
      for (let ev = toClient.shift(); ev; ev = toClient.shift()) {
        if ('data' in ev) h.onData(ev.data);
        else h.onEnd();
      }
    });
  };
  const endBoth = () => {
    if (ended) return false;
    ended = true;
    inbox.end();
    resolveClosed();
    return true;
  };

  const peer: PeerConnection = {
    closed,
    async write(bytes) {
      if (ended) throw new Error(`${label}: write() after the connection ended.`);
      // Copy: the caller may reuse its buffer once write() resolved.
      toClient.push({ data: Uint8Array.from(toBytes(bytes)) });
      flush();
    },
    read(n, timeoutMs = DEFAULT_WAIT_MS) {
      return inbox.read(n, timeoutMs);
    },
    async close() {
      if (endBoth()) {
        toClient.push({ end: true });
        flush();
      }
    },
  };

  const client: MemoryClientEnd = {
    get ended() {
      return ended;
    },
    write(bytes) {
      if (ended) throw new Error(`${label}: client write() after the connection ended.`);
      inbox.push(Uint8Array.from(bytes));
    },
    close() {
      endBoth();
    },
    attach(h) {
      if (handlers) throw new Error(`${label}: attach() called twice.`);
      handlers = h;
      flush();
    },
  };
  return { peer, client };
}

/** A StartedPeer for in-process transports: the transport calls accept() where it would open a socket. */
export interface MemoryPeer extends StartedPeer {
  /** Makes a new connection: the transport keeps the client end, nextConnection() yields the device side. */
  accept(): MemoryClientEnd;
}

export function startMemoryPeer(options: { host?: string; port?: number } = {}): MemoryPeer {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 1;
  const accepted: PeerConnection[] = [];
  const pairs: MemoryPeerPair[] = [];
  const waiters: Array<(conn: PeerConnection) => void> = [];
  let stopped = false;
  let count = 0;
  return {
    host,
    port,
    accept() {
      if (stopped) throw new Error('memory peer: accept() after stop().');
      const pair = createMemoryPeerPair(`memory peer (connection ${++count})`);
      pairs.push(pair);
      const { peer, client } = pair;
      const waiter = waiters.shift();
      if (waiter) waiter(peer);
      else accepted.push(peer);
      return client;
    },
    nextConnection(timeoutMs = DEFAULT_WAIT_MS) {
      if (stopped) return Promise.reject(new Error('memory peer: nextConnection() after stop().'));
      const ready = accepted.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise<PeerConnection>((resolve, reject) => {
        const waiter = (conn: PeerConnection) => {
          clearTimeout(timer);
          resolve(conn);
        };
        const timer = setTimeout(() => {
          const i = waiters.indexOf(waiter);
          if (i >= 0) waiters.splice(i, 1);
          reject(new DeadlineError(`memory peer: no connection within ${timeoutMs} ms; did the transport call accept()?`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async stop() {
      stopped = true;
      // The device hangs up on every connection still open.
      await Promise.all(pairs.map((p) => p.peer.close()));
    },
  };
}

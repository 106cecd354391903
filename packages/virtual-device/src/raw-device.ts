// RawDevice: a peer without any CLI. Each connection is handed to the test as a
// RawConnection that reads exactly what the client sent and writes raw bytes
// back: the device side of the transport contract tests (it has the
// PeerConnection shape of @netx/transport-test-kit).
import { ConnectionError, systemClock, type Clock } from '@netx/core';
import type { DeviceLink, PeerSession, VirtualPeer } from './peer.js';

export interface RawDeviceOptions {
  remoteVersion?: string;
  protocolBanner?: string;
  /** Delay before accepting (session clock); Infinity never accepts. */
  connectDelay?: number;
  /** Default bound of one read(n), on the session clock. default 10_000 */
  readTimeout?: number;
  /** Clock of nextConnection()'s bound (there is no session yet). default systemClock */
  clock?: Clock;
}

interface Reader {
  n: number;
  resolve: (b: Uint8Array) => void;
  reject: (e: Error) => void;
  timer: unknown;
}

export class RawConnection {
  /** Resolves when the connection ended, whichever side ended it. Never rejects. */
  readonly closed: Promise<void>;
  private chunks: Uint8Array[] = [];
  private size = 0;
  private readers: Reader[] = [];
  private resolveClosed!: () => void;
  private ended = false;

  constructor(
    private readonly link: DeviceLink,
    private readonly readTimeout: number,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  get terminal() {
    return this.link.terminal;
  }

  /** Device -> client (strings as UTF-8); resolves once the client received it. */
  async write(data: Uint8Array | string): Promise<void> {
    if (this.ended) throw new Error('RawConnection: write() after the connection ended.');
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : Uint8Array.from(data);
    this.link.send(bytes);
    await this.link.whenDelivered();
  }

  /** The next `n` bytes the client sent; rejects after `timeoutMs` or when the client leaves first. */
  read(n: number, timeoutMs = this.readTimeout): Promise<Uint8Array> {
    if (!(Number.isInteger(n) && n >= 0)) return Promise.reject(new TypeError(`RawConnection.read: n must be a whole number >= 0, got ${n}.`));
    return new Promise((resolve, reject) => {
      const reader: Reader = { n, resolve, reject, timer: undefined };
      reader.timer = this.link.clock.setTimeout(() => {
        this.readers = this.readers.filter((r) => r !== reader);
        reject(new Error(`RawConnection.read(${n}): only ${this.size} bytes arrived within ${timeoutMs} ms.`));
      }, timeoutMs);
      this.readers.push(reader);
      this.serve();
    });
  }

  /** The device hangs up cleanly; resolves when the client saw the end. */
  async close(): Promise<void> {
    this.link.close();
    await this.link.whenDelivered();
  }

  /** The connection breaks (the client sees ConnectionError 'reset'). */
  async reset(): Promise<void> {
    this.link.fail(new ConnectionError('reset', `The virtual device at ${this.link.host}:${this.link.port} reset the connection.`, { host: this.link.host }));
    await this.link.whenDelivered();
  }

  /** @internal */
  receive(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.serve();
  }

  /** @internal */
  clientClosed(): void {
    if (this.ended) return;
    this.ended = true;
    this.serve();
    for (const r of this.readers) {
      this.link.clock.clearTimeout(r.timer);
      r.reject(new Error(`RawConnection.read(${r.n}): the client closed the connection after ${this.size} bytes.`));
    }
    this.readers = [];
    this.resolveClosed();
  }

  private serve(): void {
    while (this.readers.length > 0 && this.size >= this.readers[0]!.n) {
      const r = this.readers.shift()!;
      this.link.clock.clearTimeout(r.timer);
      r.resolve(this.take(r.n));
    }
  }

  private take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - filled);
      out.set(c.subarray(0, k), filled);
      filled += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.size -= n;
    return out;
  }
}

export class RawDevice implements VirtualPeer {
  readonly remoteVersion: string | undefined;
  readonly protocolBanner: string | undefined;
  readonly connectDelay: number | undefined;
  private readonly readTimeout: number;
  private readonly clock: Clock;
  private readonly all: RawConnection[] = [];
  private pending: RawConnection[] = [];
  private waiting: Array<(c: RawConnection) => void> = [];

  constructor(opts: RawDeviceOptions = {}) {
    this.remoteVersion = opts.remoteVersion;
    this.protocolBanner = opts.protocolBanner;
    this.connectDelay = opts.connectDelay;
    this.readTimeout = opts.readTimeout ?? 10_000;
    this.clock = opts.clock ?? systemClock;
  }

  /** The device side of the next connection (already made, or the next to come within `timeoutMs`). */
  nextConnection(timeoutMs = 10_000): Promise<RawConnection> {
    const c = this.pending.shift();
    if (c) return Promise.resolve(c);
    return new Promise((resolve, reject) => {
      const waiter = (conn: RawConnection) => {
        this.clock.clearTimeout(timer);
        resolve(conn);
      };
      const timer = this.clock.setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== waiter);
        reject(new Error(`RawDevice: no connection within ${timeoutMs} ms; did a client connect to this device?`));
      }, timeoutMs);
      this.waiting.push(waiter);
    });
  }

  /** Hangs up every connection still open. */
  async closeAll(): Promise<void> {
    await Promise.all(this.all.map((c) => c.close()));
  }

  open(link: DeviceLink): PeerSession {
    const conn = new RawConnection(link, this.readTimeout);
    this.all.push(conn);
    const waiter = this.waiting.shift();
    if (waiter) waiter(conn);
    else this.pending.push(conn);
    return {
      receive: (bytes) => conn.receive(bytes),
      clientClosed: () => conn.clientClosed(),
    };
  }
}

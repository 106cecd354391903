// The receive side shared by every PeerConnection: buffers what the client sent
// and serves read(n) in order, with a bounded wait.
import { DEFAULT_WAIT_MS, DeadlineError } from './deadline.js';

interface PendingRead {
  n: number;
  resolve(bytes: Uint8Array): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class ByteInbox {
  private chunks: Uint8Array[] = [];
  private size = 0;
  private pending: PendingRead | undefined;
  private ended = false;

  constructor(private readonly label: string) {}

  /** Bytes buffered and not yet read. */
  get buffered(): number {
    return this.size;
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.chunks.push(bytes);
    this.size += bytes.length;
    this.serve();
  }

  /** The sender went away: a pending or later read that cannot be served fails. */
  end(): void {
    this.ended = true;
    this.serve();
  }

  read(n: number, timeoutMs = DEFAULT_WAIT_MS): Promise<Uint8Array> {
    if (!Number.isInteger(n) || n < 0) throw new TypeError(`${this.label}: read(n) needs a whole number of bytes, got ${n}.`);
    if (this.pending) throw new Error(`${this.label}: read() called while another read() is pending; await reads one by one.`);
    return new Promise<Uint8Array>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new DeadlineError(`${this.label}: expected ${n} bytes from the client, got ${this.size} within ${timeoutMs} ms.`));
      }, timeoutMs);
      this.pending = { n, resolve, reject, timer };
      this.serve();
    });
  }

  private serve(): void {
    const p = this.pending;
    if (!p) return;
    if (this.size >= p.n) {
      this.pending = undefined;
      clearTimeout(p.timer);
      p.resolve(this.take(p.n));
    } else if (this.ended) {
      this.pending = undefined;
      clearTimeout(p.timer);
      p.reject(new Error(`${this.label}: the client closed after sending ${this.size} of the ${p.n} bytes awaited.`));
    }
  }

  private take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0]!;
      const want = n - filled;
      if (head.length <= want) {
        out.set(head, filled);
        filled += head.length;
        this.chunks.shift();
      } else {
        out.set(head.subarray(0, want), filled);
        this.chunks[0] = head.subarray(want);
        filled += want;
      }
    }
    this.size -= n;
    return out;
  }
}

// A TransportSession built by the kit: it records what the transport reports
// (bytes, the close, debug lines) and lets tests wait for it, bounded.
import { systemClock, type DebugLevel, type NetxError, type TransportSession } from '@netx/core';
import { concatBytes } from '../bytes.js';
import { DeadlineError } from '../deadline.js';
import type { SessionOptions } from './types.js';

export class SessionRecorder {
  readonly chunks: Uint8Array[] = [];
  /** Every onClose call, in order (the contract allows at most one). */
  readonly closes: Array<NetxError | undefined> = [];
  readonly debugLines: string[] = [];
  /** Problems with the shape of the calls themselves (empty or non-byte chunks, data after close). */
  readonly violations: string[] = [];
  private size = 0;
  private closedByClient = false;
  private listeners = new Set<() => void>();

  constructor(private readonly label: string) {}

  /** Bytes received so far, concatenated. */
  received(): Uint8Array {
    return concatBytes(this.chunks);
  }

  get receivedLength(): number {
    return this.size;
  }

  /** Marks that the test's close() resolved: onData after this is a contract violation. */
  markClosedByClient(): void {
    this.closedByClient = true;
  }

  session(host: string, port: number, options: SessionOptions & { signal?: AbortSignal } = {}): TransportSession {
    const { signal, ...rest } = options;
    return {
      host,
      port,
      connectTimeout: 10_000,
      termType: 'xterm',
      columns: 80,
      rows: 24,
      verifyFingerprint: false,
      clock: systemClock,
      ...rest,
      ...(signal ? { signal } : {}),
      debug: (level: DebugLevel, message: string) => {
        this.debugLines.push(`${level} ${message}`);
        this.notify();
      },
      onData: (bytes: Uint8Array) => {
        if (!(bytes instanceof Uint8Array)) {
          this.violations.push(`onData() got ${Object.prototype.toString.call(bytes)}, not a Uint8Array`);
          return;
        }
        if (bytes.length === 0) this.violations.push('onData() got an empty chunk');
        if (this.closes.length > 0) this.violations.push('onData() after onClose()');
        if (this.closedByClient) this.violations.push('onData() after close() resolved');
        // Copy: the transport may reuse its buffer after the call.
        this.chunks.push(Uint8Array.from(bytes));
        this.size += bytes.length;
        this.notify();
      },
      onClose: (error?: NetxError) => {
        this.closes.push(error);
        this.notify();
      },
    };
  }

  /** Resolves with all bytes received once at least `n` arrived. */
  waitForBytes(n: number, ms: number, what = `${n} bytes from the device`): Promise<Uint8Array> {
    return this.waitUntil(() => this.size >= n, ms, () => `${this.label}: waiting for ${what}; ${this.size} bytes arrived`).then(() =>
      this.received(),
    );
  }

  /**
   * Waits until `marker` arrived, then forgets everything received up to and including it,
   * so later comparisons see only what came after (server preambles, banners).
   */
  async dropThrough(marker: Uint8Array, ms: number, what: string): Promise<void> {
    let at = -1;
    await this.waitUntil(
      () => (at = Buffer.from(this.received()).indexOf(marker)) >= 0,
      ms,
      () => `${this.label}: waiting for ${what}; ${this.size} bytes arrived without it`,
    );
    const rest = this.received().slice(at + marker.length);
    this.chunks.length = 0;
    if (rest.length > 0) this.chunks.push(rest);
    this.size = rest.length;
  }

  /** Resolves once a debug line matches `pattern` (lines are stored as `level message`). */
  waitForDebug(pattern: RegExp, ms: number, what: string): Promise<void> {
    const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
    return this.waitUntil(() => this.debugLines.some((line) => re.test(line)), ms, () => `${this.label}: waiting for ${what} (a debug line matching ${String(pattern)})`);
  }

  /** Resolves with the first onClose() argument once onClose() was called. */
  waitForClose(ms: number): Promise<NetxError | undefined> {
    return this.waitUntil(() => this.closes.length > 0, ms, () => `${this.label}: waiting for onClose()`).then(() => this.closes[0]);
  }

  private waitUntil(done: () => boolean, ms: number, describe: () => string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new DeadlineError(`${describe()} after ${ms} ms.`));
      }, ms);
      this.listeners.add(check);
    });
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}

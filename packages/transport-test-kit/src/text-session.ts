// A TransportSession for a transport's own tests (outside the contract suite): it
// records what the transport reports and offers a tiny expect engine over the text
// received, so each transport package does not keep its own copy of this helper.
// Waits are bounded in real time: a failing test ends with a message, it does not hang.
import { systemClock, type Clock, type DebugLevel, type NetxError, type TransportSession } from '@netx/core';
import { DEFAULT_WAIT_MS } from './deadline.js';

export interface TextSessionInit {
  host: string;
  port: number;
  /** Default 10000. */
  connectTimeout?: number;
  /** Default 'dumb'. */
  termType?: string;
  /** Default 80. */
  columns?: number;
  /** Default 24. */
  rows?: number;
  /** Default false. */
  verifyFingerprint?: boolean;
  /** Default systemClock. */
  clock?: Clock;
  /** Default bound, in ms, of one expect() that is not given its own. Default 10000. */
  waitLimitMs?: number;
  /** How debug() calls are stored: `message`, or `[level] message` (the default). */
  debugFormat?: 'message' | 'level-message';
}

export interface TextSession extends TransportSession {
  /** Everything received so far, latin-1 decoded (one char per byte). */
  text(): string;
  /** Everything received so far. */
  bytes(): Uint8Array;
  /**
   * Waits until `pattern` matches the text after the previous match; resolves with the text
   * before the match and consumes through it. `limitOrWhat`: a number is this call's bound
   * in ms, a string names what is awaited in the failure message.
   */
  expect(pattern: RegExp, limitOrWhat?: number | string): Promise<string>;
  /** Resolves with onClose()'s argument once onClose() was called. */
  readonly closed: Promise<NetxError | undefined>;
  isClosed(): boolean;
  closeCalls(): number;
  debugLines(): string[];
  /** Resolves once `count` debug lines match `pattern` (bounded like expect(); default 1 line). */
  waitForDebug(pattern: RegExp, count?: number, limitMs?: number): Promise<void>;
}

export function createTextSession(init: TextSessionInit): TextSession {
  // Latin-1 maps byte to char one to one: the text is the bytes, kept once.
  let received = '';
  let consumed = 0;
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };
  /** Sleeps until something is received, logged or closed, or `ms` pass. */
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        waiters.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiters.add(wake);
    });
  let closeCount = 0;
  let closeError: NetxError | undefined;
  let settleClosed!: (error: NetxError | undefined) => void;
  const closed = new Promise<NetxError | undefined>((resolve) => (settleClosed = resolve));
  const defaultLimit = init.waitLimitMs ?? DEFAULT_WAIT_MS;
  const withLevel = (init.debugFormat ?? 'level-message') === 'level-message';

  return {
    host: init.host,
    port: init.port,
    connectTimeout: init.connectTimeout ?? 10_000,
    termType: init.termType ?? 'dumb',
    columns: init.columns ?? 80,
    rows: init.rows ?? 24,
    verifyFingerprint: init.verifyFingerprint ?? false,
    clock: init.clock ?? systemClock,
    debug: (level: DebugLevel, message: string) => {
      lines.push(withLevel ? `[${level}] ${message}` : message);
      wakeAll();
    },
    onData: (bytes: Uint8Array) => {
      // Decoding copies, so a transport may reuse its buffer; chunk by chunk equals the whole in latin-1.
      received += Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
      wakeAll();
    },
    onClose: (error?: NetxError) => {
      closeCount++;
      if (closeCount === 1) {
        closeError = error;
        settleClosed(error);
      }
      wakeAll();
    },
    text: () => received,
    bytes: () => Uint8Array.from(Buffer.from(received, 'latin1')),
    closed,
    isClosed: () => closeCount > 0,
    closeCalls: () => closeCount,
    debugLines: () => lines,
    async waitForDebug(pattern: RegExp, count = 1, limitMs = defaultLimit): Promise<void> {
      const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, '')); // no lastIndex state
      const matching = () => lines.filter((line) => re.test(line)).length;
      const deadline = Date.now() + limitMs;
      while (matching() < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`gave up waiting for ${count} debug line(s) matching ${String(pattern)} after ${limitMs} ms; ${matching()} so far`);
        await nap(left);
      }
    },
    async expect(pattern: RegExp, limitOrWhat?: number | string): Promise<string> {
      const limit = typeof limitOrWhat === 'number' ? limitOrWhat : defaultLimit;
      const what = typeof limitOrWhat === 'string' ? limitOrWhat : String(pattern);
      const deadline = Date.now() + limit;
      for (;;) {
        const rest = received.slice(consumed);
        pattern.lastIndex = 0; // a /g or /y pattern must not resume where an earlier call left it
        const m = pattern.exec(rest);
        if (m) {
          consumed += m.index + m[0].length;
          return rest.slice(0, m.index);
        }
        const got = JSON.stringify(rest.slice(-500));
        if (closeCount > 0) throw new Error(`connection closed (${closeError?.message ?? 'cleanly'}) while waiting for ${what}; got ${got}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`gave up waiting for ${what} after ${limit} ms; got ${got}`);
        await nap(left);
      }
    },
  };
}

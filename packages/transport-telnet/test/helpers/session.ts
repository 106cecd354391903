// A TransportSession for tests: collects what the transport delivers and lets a
// test wait (bounded, real time) for text to show up, like a tiny expect engine.
import { systemClock, type Clock, type NetxError, type TransportSession } from '@netx/core';

export interface TestSession extends TransportSession {
  /** Everything received so far, latin-1 decoded. */
  text(): string;
  bytes(): Uint8Array;
  /** Resolves with the text before the match, consuming through the match. */
  expect(pattern: RegExp, what?: string): Promise<string>;
  /** Resolves when onClose was called. */
  readonly closed: Promise<NetxError | undefined>;
  closeCalls(): number;
  debugLines(): string[];
}

export interface TestSessionInit {
  host: string;
  port: number;
  termType?: string;
  columns?: number;
  rows?: number;
  connectTimeout?: number;
  clock?: Clock;
  /** Upper bound for one expect(); a failing test must end, not hang. */
  waitLimitMs?: number;
}

export function createTestSession(init: TestSessionInit): TestSession {
  const chunks: Uint8Array[] = [];
  let consumed = 0;
  let closeCount = 0;
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let resolveClosed!: (e: NetxError | undefined) => void;
  const closed = new Promise<NetxError | undefined>((r) => (resolveClosed = r));
  let closedError: NetxError | undefined;
  let isClosed = false;
  const limit = init.waitLimitMs ?? 10_000;

  const all = (): Uint8Array => Buffer.concat(chunks);
  const session: TestSession = {
    host: init.host,
    port: init.port,
    connectTimeout: init.connectTimeout ?? 10_000,
    termType: init.termType ?? 'dumb',
    columns: init.columns ?? 80,
    rows: init.rows ?? 24,
    verifyFingerprint: false,
    clock: init.clock ?? systemClock,
    debug: (_level, message) => {
      lines.push(message);
    },
    onData: (bytes) => {
      chunks.push(Uint8Array.from(bytes));
      wake?.();
    },
    onClose: (error) => {
      closeCount++;
      isClosed = true;
      closedError = error;
      resolveClosed(error);
      wake?.();
    },
    text: () => Buffer.from(all()).toString('latin1'),
    bytes: all,
    closed,
    closeCalls: () => closeCount,
    debugLines: () => lines,
    async expect(pattern, what) {
      const started = Date.now();
      for (;;) {
        const text = Buffer.from(all()).toString('latin1').slice(consumed);
        const m = pattern.exec(text);
        if (m) {
          consumed += m.index + m[0].length;
          return text.slice(0, m.index);
        }
        if (isClosed) throw new Error(`connection closed (${closedError?.message ?? 'cleanly'}) while waiting for ${what ?? pattern}; got ${JSON.stringify(text)}`);
        const left = limit - (Date.now() - started);
        if (left <= 0) throw new Error(`gave up waiting for ${what ?? pattern} after ${limit} ms; got ${JSON.stringify(text)}`);
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
  };
  return session;
}

export const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));

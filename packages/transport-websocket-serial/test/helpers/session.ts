// A TransportSession for driving the transport directly, with a bounded
// waitFor() on the received text (real I/O, never a timed assertion).
import { systemClock, type Clock, type NetxError, type TransportSession } from '@netx/core';

export interface TestSession extends TransportSession {
  /** Everything received so far, latin1-decoded. */
  text(): string;
  bytes(): Uint8Array;
  debugLines: string[];
  /** Resolves with the text once `pattern` matches what arrived after the last waitFor(). */
  waitFor(pattern: RegExp, what?: string): Promise<string>;
  /** Resolves with the close error (undefined for a clean close). */
  closed: Promise<NetxError | undefined>;
  isClosed(): boolean;
  /** Resolves once `count` debug lines match. */
  waitForDebug(pattern: RegExp, count?: number): Promise<void>;
}

const WAIT_LIMIT_MS = 10_000;

export function createSession(init: Partial<Omit<TransportSession, 'debug' | 'onData' | 'onClose'>> & { host: string; port: number }): TestSession {
  const chunks: Buffer[] = [];
  const debugLines: string[] = [];
  let mark = 0;
  let closedFlag = false;
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const fn of [...listeners]) fn();
  };
  let resolveClosed!: (e: NetxError | undefined) => void;
  const closed = new Promise<NetxError | undefined>((r) => (resolveClosed = r));
  const all = () => Buffer.concat(chunks);

  const waitUntil = (check: () => boolean, describe: () => string): Promise<void> =>
    new Promise((resolve, reject) => {
      const test = () => {
        if (!check()) return;
        listeners.delete(test);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(test);
        reject(new Error(describe()));
      }, WAIT_LIMIT_MS);
      listeners.add(test);
      test();
    });

  const clock: Clock = init.clock ?? systemClock;
  return {
    connectTimeout: 10_000,
    termType: 'dumb',
    columns: 80,
    rows: 24,
    verifyFingerprint: false,
    ...init,
    clock,
    debugLines,
    debug(level, message) {
      debugLines.push(`[${level}] ${message}`);
      notify();
    },
    onData(bytes) {
      chunks.push(Buffer.from(bytes));
      notify();
    },
    onClose(error) {
      closedFlag = true;
      resolveClosed(error);
      notify();
    },
    text: () => all().toString('latin1'),
    bytes: () => new Uint8Array(all()),
    closed,
    isClosed: () => closedFlag,
    async waitFor(pattern, what) {
      let found = '';
      await waitUntil(
        () => {
          const text = all().toString('latin1').slice(mark);
          const m = pattern.exec(text);
          if (!m) return false;
          found = text.slice(0, m.index + m[0].length);
          mark += found.length;
          return true;
        },
        () => `waitFor(${what ?? pattern}) got no match; received after mark: ${JSON.stringify(all().toString('latin1').slice(mark))}${closedFlag ? ' (closed)' : ''}`,
      );
      return found;
    },
    async waitForDebug(pattern, count = 1) {
      await waitUntil(
        () => debugLines.filter((l) => pattern.test(l)).length >= count,
        () => `fewer than ${count} debug line(s) matched ${pattern}; lines: ${debugLines.slice(-10).join(' | ')}`,
      );
    },
  };
}

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

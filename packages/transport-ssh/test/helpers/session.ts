// A TransportSession for driving SshTransport directly in tests: collects the bytes,
// waits (bounded) for text, records debug lines and the close.
import { systemClock, type Clock, type NetxError, type ProtocolAuthContext, type TransportSession } from '@netx/core';

export interface TestSession extends TransportSession {
  text(): string;
  /** Waits until `pattern` matches the text after the last match; returns the text before it. */
  expect(pattern: RegExp, waitMs?: number): Promise<string>;
  readonly closed: Promise<NetxError | undefined>;
  isClosed(): boolean;
  closeCalls(): number;
  debugLines(): string[];
}

export function createSession(init: {
  host: string;
  port: number;
  verifyFingerprint?: boolean;
  termType?: string;
  columns?: number;
  rows?: number;
  connectTimeout?: number;
  clock?: Clock;
}): TestSession {
  const chunks: Buffer[] = [];
  let consumed = 0;
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let closed = false;
  let closeCount = 0;
  let closeError: NetxError | undefined;
  let resolveClosed!: (e: NetxError | undefined) => void;
  const closedPromise = new Promise<NetxError | undefined>((r) => (resolveClosed = r));
  const text = () => Buffer.concat(chunks).toString('latin1');
  return {
    host: init.host,
    port: init.port,
    connectTimeout: init.connectTimeout ?? 10_000,
    termType: init.termType ?? 'dumb',
    columns: init.columns ?? 80,
    rows: init.rows ?? 24,
    verifyFingerprint: init.verifyFingerprint ?? false,
    clock: init.clock ?? systemClock,
    debug: (level, message) => lines.push(`[${level}] ${message}`),
    onData: (bytes) => {
      chunks.push(Buffer.from(bytes));
      wake?.();
    },
    onClose: (error) => {
      closeCount++;
      closed = true;
      closeError = error;
      resolveClosed(error);
      wake?.();
    },
    text,
    closed: closedPromise,
    isClosed: () => closed,
    closeCalls: () => closeCount,
    debugLines: () => lines,
    async expect(pattern, waitMs = 10_000) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const all = text().slice(consumed);
        const m = pattern.exec(all);
        if (m) {
          consumed += m.index + m[0].length;
          return all.slice(0, m.index);
        }
        if (closed) throw new Error(`closed (${closeError?.message ?? 'cleanly'}) while waiting for ${pattern}; got ${JSON.stringify(all.slice(-500))}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no ${pattern} within ${waitMs} ms; got ${JSON.stringify(all.slice(-500))}`);
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
}

/** A ProtocolAuthContext that answers OTP prompts from a list and records the prompts. */
export function authContext(otpAnswers: string[] = [], clock: Clock = systemClock): ProtocolAuthContext & { prompts: string[]; debugLines: string[] } {
  const prompts: string[] = [];
  const debugLines: string[] = [];
  return {
    clock,
    prompts,
    debugLines,
    debug: (level, message) => debugLines.push(`[${level}] ${message}`),
    requestOtp: async (prompt) => {
      prompts.push(prompt);
      const answer = otpAnswers.shift();
      if (answer === undefined) throw new Error(`test: no OTP answer left for ${JSON.stringify(prompt)}`);
      return answer;
    },
  };
}

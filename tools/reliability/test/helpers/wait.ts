// Waiting without hiding what was waited for: every wait here fails fast with a
// message naming the thing it waited for, well before vitest's own test timeout.
import { LIMITS } from '../../src/matrix.js';

export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** Resolves or rejects like `p`, or rejects after `ms` of real time naming `what`. */
export async function settleWithin<T>(p: Promise<T>, what: string, ms: number = LIMITS.settleMs): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${ms} ms (real time) waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([p, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error `p` rejects with (fails when it resolves), within the fail-fast bound. */
export async function rejection(p: Promise<unknown>, what: string, ms?: number): Promise<unknown> {
  const outcome = await settleWithin(
    p.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
    what,
    ms,
  );
  if (outcome.ok) throw new Error(`${what}: expected a rejection, but it resolved with ${describe(outcome.value)}`);
  return outcome.error;
}

const pause = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 2));

/**
 * Waits until `pred` holds, checking every event-loop turn at first, then every
 * 2 ms (a long wait does not spin a core); fails naming `what` after `ms` of real
 * time. `spin`: never use a timer (for checks that count the process's timers).
 */
export async function until(pred: () => boolean, what: string | (() => string), ms: number = LIMITS.settleMs, spin = false): Promise<void> {
  const start = Date.now();
  for (let turn = 0; ; turn++) {
    if (pred()) return;
    if (Date.now() - start > ms) throw new Error(`gave up after ${ms} ms (real time, ${turn} turns) waiting for ${typeof what === 'function' ? what() : what}`);
    await (spin || turn < 1_000 ? nextTurn() : pause());
  }
}

/** Tracks whether a promise settled yet, without letting a rejection go unhandled. */
export function track<T>(p: Promise<T>): { readonly settled: boolean; readonly promise: Promise<T> } {
  const t = { settled: false, promise: p };
  p.then(
    () => (t.settled = true),
    () => (t.settled = true),
  );
  return t;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = typeof value === 'object' ? JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}...` : v)) : String(value);
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

// Session time for the cells: a ManualClock that also remembers which timers are
// armed and with what delay, so a cell can tell "the login wait armed its
// inactivity timer" from "some other timer is pending", and then prove the
// outcome comes exactly at the limit: not 1 ms before, and at it.
import { expect } from 'vitest';
import { ManualClock } from '@netx/core/testing';
import { track, until } from './wait.js';

interface Armed {
  readonly ms: number;
  readonly due: number;
}

export class ObservedClock extends ManualClock {
  private readonly armed = new Map<unknown, Armed>();

  override setTimeout(fn: () => void, ms: number): unknown {
    let handle: unknown;
    handle = super.setTimeout(() => {
      this.armed.delete(handle);
      fn();
    }, ms);
    this.armed.set(handle, { ms, due: this.now() + Math.max(0, ms) });
    return handle;
  }

  override clearTimeout(handle: unknown): void {
    this.armed.delete(handle);
    super.clearTimeout(handle);
  }

  /** The due time of a pending timer armed with exactly `ms` (the latest such), if any. */
  dueOf(ms: number): number | undefined {
    let due: number | undefined;
    for (const t of this.armed.values()) if (t.ms === ms && (due === undefined || t.due > due)) due = t.due;
    return due;
  }
}

export type Settled = { readonly error: unknown } | { readonly value: unknown };

/** What `p` settled with, as a value (a rejection is not thrown). */
export function settled(p: Promise<unknown>): Promise<Settled> {
  return p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

/**
 * Proves `p` settles exactly when the timer of `ms` (armed for it once `ready()`
 * holds) is due: still pending 1 ms before, settled at the due time. Returns how it settled.
 */
export async function atLimit(clock: ObservedClock, p: Promise<unknown>, ms: number, what: string, ready: () => boolean = () => true): Promise<Settled> {
  const t = track(p);
  const outcome = settled(p);
  await until(() => t.settled || (ready() && clock.dueOf(ms) !== undefined), `${what}: a ${ms} ms timer on the session clock`);
  expect(t.settled, `${what} settled before its limit timer was even armed`).toBe(false);
  const due = clock.dueOf(ms)!;
  await clock.advanceAsync(due - 1 - clock.now());
  expect(t.settled, `${what} settled 1 ms before its limit (${ms} ms of session time)`).toBe(false);
  await clock.advanceAsync(1);
  await until(() => t.settled, `${what} to settle at its limit (${ms} ms of session time)`);
  return outcome;
}

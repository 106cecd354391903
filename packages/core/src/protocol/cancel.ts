// Cancellation end to end. Any step (connect, login, execute, expect, ...) may take
// an AbortSignal, and a Protocol may have one for its whole session. An abort ends
// the session: the step rejects at once with AbortedError (or the signal's reason
// when that is a NetxError), the transport is closed, nothing stays open.
import type { Link } from './link.js';

type Hub = Set<() => void>;
const hubs = new WeakMap<AbortSignal, Hub>();

/**
 * Calls `fn` once when `signal` aborts; returns a function that stops watching.
 * One listener per signal however many sessions and calls watch it: a fleet shares
 * one signal among thousands of sessions without piling up listeners on it.
 */
export function whenAborted(signal: AbortSignal, fn: () => void): () => void {
  let hub = hubs.get(signal);
  if (!hub) {
    const h: Hub = new Set();
    hubs.set(signal, (hub = h));
    signal.addEventListener(
      'abort',
      () => {
        hubs.delete(signal);
        for (const f of [...h]) f();
      },
      { once: true },
    );
  }
  const mine = hub;
  mine.add(fn);
  return () => {
    mine.delete(fn);
  };
}

export class Cancellation {
  constructor(private readonly link: Link) {}

  /** True when a call must go through run() (a call signal, or the session's). */
  watched(signal: AbortSignal | undefined): boolean {
    return signal !== undefined || this.link.signal !== undefined;
  }

  /**
   * Runs one step (not the round-trip path: see Protocol.step). It rejects at once when
   * `signal` or the session's signal aborts (the session is ended: Link.abort) or when
   * close() is called meanwhile; a step that fails because the session was closed or
   * aborted rejects with that reason, not with a follow-on error.
   */
  run<T>(op: string, signal: AbortSignal | undefined, step: () => Promise<T>): Promise<T> {
    const link = this.link;
    const signals = signal && link.signal ? [signal, link.signal] : signal ? [signal] : link.signal ? [link.signal] : [];
    const fired = signals.find((s) => s.aborted);
    if (fired) return Promise.reject(link.abort(op, fired.reason));
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const stops: (() => void)[] = [];
      const done = (fn: () => void) => {
        if (settled) return;
        settled = true;
        for (const stop of stops) stop();
        fn();
      };
      stops.push(link.onLocalEnd((error) => done(() => reject(error(op)))));
      for (const s of signals) stops.push(whenAborted(s, () => link.abort(op, s.reason)));
      step().then(
        (value) => done(() => resolve(value)),
        (err: unknown) => done(() => reject(link.explain(op, err))),
      );
    });
  }
}

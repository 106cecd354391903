import type { Clock } from '../ports/clock.js';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/**
 * A clock that only moves when told to. Timers fire in due order during advance();
 * a timer scheduled by a firing timer fires in the same advance() if it is due.
 */
export class ManualClock implements Clock {
  private time: number;
  private nextId = 1;
  private timers: Timer[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Number of timers not yet fired or cleared. */
  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing due timers synchronously in order. */
  advance(ms: number): void {
    const target = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = target;
  }

  /**
   * Like advance(), but lets promise callbacks run between timers, so code that
   * awaits and then schedules the next timer sees time move as in real life.
   */
  async advanceAsync(ms: number, step = ms): Promise<void> {
    let left = ms;
    await flushMicrotasks();
    while (left > 0) {
      const d = Math.min(step, left);
      this.advance(d);
      left -= d;
      await flushMicrotasks();
    }
  }
}

/** Lets queued promise callbacks run (a few rounds of the microtask queue and one macrotask turn). */
export async function flushMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
  await new Promise<void>((resolve) => macrotask(resolve));
}

// setImmediate where there is one (Node), a zero timeout elsewhere (browsers).
const macrotask: (fn: () => void) => unknown = typeof globalThis.setImmediate === 'function' ? globalThis.setImmediate : (fn) => globalThis.setTimeout(fn, 0);

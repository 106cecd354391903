// One timer for the limits of every wait (inactivity and deadline), kept from one
// wait to the next. A command round trip then sets and clears no timer at all:
// the timer fires at most once per limit period, and a wait that is not due yet
// just arms it again for the rest.
import type { Clock } from '../ports/clock.js';

export class Watchdog {
  private handle: unknown;
  private due = Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly onFire: () => void,
  ) {}

  /** Makes sure onFire runs no later than clock time `at` (Infinity: no need). */
  checkBy(at: number): void {
    if (!(at < Infinity)) return;
    if (this.handle !== undefined) {
      if (this.due <= at) return;
      this.clock.clearTimeout(this.handle);
    }
    this.due = at;
    this.handle = this.clock.setTimeout(() => {
      this.handle = undefined;
      this.due = Infinity;
      this.onFire();
    }, Math.max(0, at - this.clock.now()));
  }

  stop(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
    this.due = Infinity;
  }
}

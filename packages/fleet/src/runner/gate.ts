// A counting gate: at most `size` holders at once, waiters served in arrival order.
// The runner passes hosts through it for the connect phase (TCP and the SSH key
// exchange), so a run of 1,000 hosts does not start 1,000 handshakes in one turn.
import type { Clock } from '@netx/core';

export class Gate {
  private holders = 0;
  private readonly waiting: (() => void)[] = [];

  /** A holder leaves by itself after `holdMs` on `clock`: one that waits that long waits on the network, not the CPU. */
  constructor(
    private readonly size: number,
    private readonly clock: Clock,
    private readonly holdMs: number,
  ) {}

  /** Resolves with the function that leaves the gate; rejects with the signal's reason on abort. */
  enter(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.holders < this.size) {
      this.holders++;
      return Promise.resolve(this.leaver());
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal.removeEventListener('abort', onAbort);
        resolve(this.leaver());
      };
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(signal.reason);
      };
      this.waiting.push(grant);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Holders right now. */
  get inside(): number {
    return this.holders;
  }

  // Leaving hands the place straight to the next waiter, so nobody can slip in between.
  private leaver(): () => void {
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      this.clock.clearTimeout(timer);
      const next = this.waiting.shift();
      if (next) next();
      else this.holders--;
    };
    const timer = this.clock.setTimeout(leave, this.holdMs);
    return leave;
  }
}

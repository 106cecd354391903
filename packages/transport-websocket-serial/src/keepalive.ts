// Ping/pong keepalive on the Clock: a ping every `interval`; when `maxMissed`
// pings in a row got no pong (nor any other message), the peer is dead.
import type { Clock } from '@netx/core';

export interface KeepaliveOptions {
  clock: Clock;
  interval: number;
  maxMissed: number;
  ping(): void;
  dead(missed: number): void;
}

export class Keepalive {
  private timer: unknown;
  private missed = 0;
  private stopped = false;

  constructor(private readonly options: KeepaliveOptions) {}

  start(): void {
    if (this.options.interval > 0 && Number.isFinite(this.options.interval)) this.schedule();
  }

  /** The peer showed it is alive (a pong or any message). */
  alive(): void {
    this.missed = 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = this.options.clock.setTimeout(() => this.tick(), this.options.interval);
  }

  private tick(): void {
    this.timer = undefined;
    if (this.stopped) return;
    if (this.missed >= this.options.maxMissed) {
      this.stopped = true;
      this.options.dead(this.missed);
      return;
    }
    this.missed++;
    this.options.ping();
    this.schedule();
  }
}

// Dead-peer detection for telnet, on the session Clock. When nothing has come
// from the server for `interval` ms, netx pings it with DO TIMING-MARK (RFC 860),
// which a server answers with WILL or WONT TIMING-MARK even when idle. Anything
// received counts as a sign of life. A server that has answered a ping before and
// then leaves `countMax` pings in a row unanswered is dead. A server that never
// answers one (busybox telnetd ignores TIMING-MARK) cannot be judged that way: it
// keeps getting pings, which keep NAT and firewall state alive, and is not ended.
import type { Clock } from '@netx/core';

export interface KeepaliveHooks {
  readonly clock: Clock;
  readonly interval: number;
  readonly countMax: number;
  /** Sends one ping. */
  ping(): void;
  /** The server left countMax pings unanswered after answering before. */
  dead(): void;
  debug(level: 1 | 2, message: string): void;
}

export class TelnetKeepalive {
  private timer: unknown;
  private lastHeard: number;
  private unanswered = 0;
  /** The server has answered a ping on this connection: its silence means something. */
  private answers = false;
  private warned = false;
  private stopped = false;

  constructor(private readonly hooks: KeepaliveHooks) {
    this.lastHeard = hooks.clock.now();
    this.arm(hooks.interval);
  }

  /** Bytes came from the server; `timingMarks` of them answered pings. */
  heard(timingMarks: number): void {
    this.lastHeard = this.hooks.clock.now();
    this.unanswered = 0;
    if (timingMarks > 0 && !this.answers) {
      this.answers = true;
      this.hooks.debug(2, 'the server answers TIMING-MARK: keepalive can tell a dead peer');
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.hooks.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.timer = this.hooks.clock.setTimeout(() => this.tick(), ms);
  }

  private tick(): void {
    this.timer = undefined;
    const { clock, interval, countMax } = this.hooks;
    const quiet = clock.now() - this.lastHeard;
    if (quiet < interval) {
      this.arm(interval - Math.max(0, quiet));
      return;
    }
    if (this.answers && this.unanswered >= countMax) {
      this.stopped = true;
      this.hooks.dead();
      return;
    }
    if (!this.answers && this.unanswered === 1 && !this.warned) {
      this.warned = true;
      this.hooks.debug(1, 'the server has not answered a TIMING-MARK ping; keepalive keeps the connection warm but cannot tell if it dies');
    }
    this.unanswered++;
    this.hooks.ping();
    this.arm(interval);
  }
}

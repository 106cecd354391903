// Dead-peer detection shared by every adapter, on the session Clock (OpenSSH's
// ServerAliveInterval rule). When nothing has come from the peer for `interval` ms, the
// adapter's ping goes out. Anything received is a sign of life and clears the count;
// after `countMax` pings in a row with nothing received, the peer is dead.
import type { Clock } from '../ports/clock.js';

/** How often to ping and how many unanswered pings to allow. */
export interface KeepaliveSettings {
  /** Milliseconds of silence from the peer before a ping; 0 disables keepalive. */
  readonly interval: number;
  /** Pings in a row with nothing received after which the peer is dead (at least 1). */
  readonly countMax: number;
}

/** What an adapter supplies: how to ping. It reports answers with keepaliveAnswered(). */
export interface KeepaliveProbe {
  /** Names the ping in messages: 'TIMING-MARK', 'WebSocket ping', 'SSH keepalive'. */
  readonly what: string;
  /** Sends one ping the peer is expected to answer. */
  ping(): void;
  /**
   * Some peers ignore the ping (busybox telnetd and TIMING-MARK): until one has answered a
   * ping, its silence says nothing, so it is kept warm with pings and never ended. Default false.
   */
  readonly mayIgnorePings?: boolean;
}

export interface KeepaliveHooks {
  readonly clock: Clock;
  /** The peer is dead: `silentMs` is how long nothing came from it. */
  dead(silentMs: number): void;
  debug(level: 1 | 2 | 3, message: string): void;
}

export class KeepaliveScheduler {
  private timer: unknown;
  private lastHeard: number;
  private unanswered = 0;
  /** The peer has answered a ping on this connection: its silence means something. */
  private answers = false;
  private warned = false;
  private stopped = false;

  constructor(
    private readonly settings: KeepaliveSettings,
    private readonly probe: KeepaliveProbe,
    private readonly hooks: KeepaliveHooks,
  ) {
    this.lastHeard = hooks.clock.now();
    this.arm(settings.interval);
  }

  /** Something came from the peer (data, or a control message that is no answer). */
  heard(): void {
    this.lastHeard = this.hooks.clock.now();
    this.unanswered = 0;
  }

  /** The peer answered a ping. */
  answered(): void {
    this.heard();
    this.hooks.debug(3, `keepalive: ${this.probe.what} answered`);
    if (this.answers) return;
    this.answers = true;
    this.hooks.debug(2, `keepalive: the peer answers ${this.probe.what}; a dead peer can be told`);
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
    const { interval, countMax } = this.settings;
    const { clock } = this.hooks;
    const quiet = clock.now() - this.lastHeard;
    if (quiet < interval) {
      this.arm(interval - Math.max(0, quiet));
      return;
    }
    const judged = this.answers || !this.probe.mayIgnorePings;
    if (judged && this.unanswered >= countMax) {
      this.stopped = true;
      this.hooks.dead(quiet);
      return;
    }
    if (!judged && this.unanswered === 1 && !this.warned) {
      this.warned = true;
      this.hooks.debug(1, `keepalive: the peer has not answered a ${this.probe.what}; pings keep the connection warm but cannot tell if it dies`);
    }
    this.unanswered++;
    this.hooks.debug(3, `keepalive: ${this.probe.what} ${this.unanswered} after ${quiet} ms of silence`);
    this.probe.ping();
    this.arm(interval);
  }
}

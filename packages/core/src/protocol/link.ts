// The connection's lifecycle: idle → connecting → open → closed, the transport
// session handed to the adapter, and the single place where the session ends,
// whoever ends it (the peer, a failed connect, close()).
import { ConnectionError, isNetxError, StateError, type NetxError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { Transport, TransportSession } from '../ports/transport.js';
import type { DebugLog } from './logging.js';

export type LinkState = 'idle' | 'connecting' | 'open' | 'closed';

/** What the rest of the Protocol hears from the link. */
export interface LinkListener {
  /** Bytes from the transport, in order. */
  received(bytes: Uint8Array): void;
  /** The stream is ending: text held back may go through now (the state is not closed yet). */
  draining(): void;
  /** The session is closed; `error` says why (undefined: a clean close). */
  closed(error: NetxError | undefined): void;
}

/** The TransportSession fields that come from the options. */
export interface SessionSettings {
  readonly bannerTimeout: number;
  readonly termType: string;
  readonly columns: number;
  readonly rows: number;
  readonly verifyFingerprint: boolean;
}

export class Link {
  state: LinkState = 'idle';
  host: string | undefined;
  private closedWaiters: (() => void)[] = [];

  constructor(
    readonly transport: Transport,
    private readonly clock: Clock,
    private readonly settings: SessionSettings,
    private readonly dbg: DebugLog,
    private readonly listener: LinkListener,
  ) {}

  async connect(host: string, port: number | undefined, connectTimeout: number): Promise<void> {
    if (this.state !== 'idle') throw new StateError(`connect() called on a Protocol that is ${this.state}; create a new Protocol (and transport) per connection.`);
    if (typeof host !== 'string' || host.length === 0) throw new TypeError('connect(host): host must be a non-empty string.');
    this.host = host;
    this.state = 'connecting';
    const s = this.settings;
    const session: TransportSession = {
      host,
      port: port ?? this.transport.defaultPort,
      connectTimeout,
      bannerTimeout: s.bannerTimeout,
      termType: s.termType,
      columns: s.columns,
      rows: s.rows,
      verifyFingerprint: s.verifyFingerprint,
      clock: this.clock,
      debug: (level, message) => this.dbg.log(level, message),
      debugEnabled: (level) => this.dbg.enabled(level),
      onData: (bytes) => {
        if (this.state !== 'closed') this.listener.received(bytes);
      },
      onClose: (error) => this.end(error),
    };
    this.dbg.log(1, `connecting over ${this.transport.kind} to ${host}:${session.port}`);
    try {
      await this.transport.connect(session);
    } catch (err) {
      this.dbg.log(1, `connect failed: ${err instanceof Error ? err.message : String(err)}`);
      this.end(isNetxError(err) ? err : undefined);
      throw err;
    }
    if (this.state === 'connecting') this.state = 'open';
  }

  async close(force: boolean): Promise<void> {
    if (this.state === 'idle') {
      this.state = 'closed';
      return;
    }
    this.dbg.log(1, `closing${force ? ' (forced)' : ''}`);
    try {
      await this.transport.close(force);
    } finally {
      this.end(undefined);
    }
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.transport.write(bytes);
  }

  /** Resolves once the session is closed. */
  whenClosed(): Promise<void> {
    if (this.state === 'closed') return Promise.resolve();
    return new Promise<void>((resolve) => this.closedWaiters.push(resolve));
  }

  assertConnected(op: string): void {
    if (this.state === 'idle') throw new StateError(`${op}() before connect(); await connect(host) first.`);
  }

  assertOpen(op: string): void {
    if (this.state === 'open' || this.state === 'connecting') return;
    if (this.state === 'idle') throw new StateError(`${op}() before connect(); await connect(host) first.`);
    throw new ConnectionError('closed', `${op}() after the connection${this.host ? ` to ${this.host}` : ''} was closed; connect again with a new Protocol.`, {
      ...(this.host ? { host: this.host } : {}),
    });
  }

  /** The one way a session ends. */
  private end(error: NetxError | undefined): void {
    if (this.state === 'closed') return;
    this.listener.draining();
    this.dbg.log(1, error ? `connection ended: ${error.message}` : 'connection closed');
    this.state = 'closed';
    this.listener.closed(error);
    const waiters = this.closedWaiters;
    this.closedWaiters = [];
    for (const w of waiters) w();
  }
}

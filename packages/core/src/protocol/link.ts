// The connection's lifecycle: idle → connecting → open → closed, the transport
// session handed to the adapter, and the single place where the session ends,
// whoever ends it: the peer or a failed connect (a ConnectionError or the transport's
// error), close() (ClosedError) or an AbortSignal (AbortedError). After the client
// ended it, every call is a StateError; after the peer did, waits may still match
// what was received.
import { AbortedError, ClosedError, ConnectionError, isNetxError, StateError, type NetxError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { Transport, TransportSession } from '../ports/transport.js';
import { whenAborted } from './cancel.js';
import type { DebugLog } from './logging.js';

export type LinkState = 'idle' | 'connecting' | 'open' | 'closed';

/** What the rest of the Protocol hears from the link. */
export interface LinkListener {
  /** Bytes from the transport, in order. */
  received(bytes: Uint8Array): void;
  /** The stream is ending: text held back may go through now (the state is not closed yet). */
  draining(): void;
  /**
   * The session is closed. `error`: why the peer or the transport ended it (undefined:
   * a clean close). `local`: set when the client ended it, the error for a call named `op`.
   */
  closed(error: NetxError | undefined, local: ((op: string) => NetxError) | undefined): void;
}

/** The TransportSession fields that come from the options. */
export interface SessionSettings {
  readonly bannerTimeout: number;
  readonly termType: string;
  readonly columns: number;
  readonly rows: number;
  readonly verifyFingerprint: boolean;
}

interface LocalEnd {
  readonly kind: 'closed' | 'aborted';
  /** The error a call named `op` fails with. */
  error(op: string): NetxError;
}

export class Link {
  state: LinkState = 'idle';
  host: string | undefined;
  /** Set when the client ended the session (close() or an abort). */
  private local: LocalEnd | undefined;
  /** Passed to the transport as TransportSession.signal: aborts a connect in progress. */
  private readonly connectAbort = new AbortController();
  private connecting: Promise<void> | undefined;
  /** The transport's teardown after close() or an abort, for later close() calls to wait on. */
  private teardown: Promise<void> | undefined;
  private unwatch: (() => void) | undefined;
  private readonly localWatchers = new Set<(error: (op: string) => NetxError) => void>();
  private closedWaiters: (() => void)[] = [];

  constructor(
    readonly transport: Transport,
    private readonly clock: Clock,
    private readonly settings: SessionSettings,
    private readonly dbg: DebugLog,
    private readonly listener: LinkListener,
    /** The session's AbortSignal (ProtocolOptions.signal). */
    readonly signal: AbortSignal | undefined,
  ) {}

  async connect(host: string, port: number | undefined, connectTimeout: number): Promise<void> {
    if (this.state !== 'idle') {
      if (this.local) throw this.stateError('connect');
      throw new StateError(`connect() called on a Protocol that is ${this.state}; create a new Protocol (and transport) per connection.`);
    }
    if (typeof host !== 'string' || host.length === 0) throw new TypeError('connect(host): host must be a non-empty string.');
    this.host = host;
    this.state = 'connecting';
    const sessionSignal = this.signal;
    if (sessionSignal) this.unwatch = whenAborted(sessionSignal, () => this.abort('session', sessionSignal.reason));
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
      signal: this.connectAbort.signal,
      debug: (level, message) => this.dbg.log(level, message),
      debugEnabled: (level) => this.dbg.enabled(level),
      onData: (bytes) => {
        if (this.state !== 'closed') this.listener.received(bytes);
      },
      onClose: (error) => this.end(error),
    };
    this.dbg.log(1, `connecting over ${this.transport.kind} to ${host}:${session.port}`);
    // Closed or aborted while the transport was still connecting: it must not stay open.
    this.connecting = this.transport.connect(session).then(async () => {
      if (this.local) await this.transport.close(true).catch(() => undefined);
    });
    try {
      await this.connecting;
    } catch (err) {
      this.dbg.log(1, `connect failed: ${err instanceof Error ? err.message : String(err)}`);
      this.end(isNetxError(err) ? err : undefined);
      throw this.explain('connect', err);
    }
    if (this.local) throw this.local.error('connect');
    if (this.state === 'connecting') this.state = 'open';
  }

  /** Ends the session from this side; pending and later calls fail with ClosedError / StateError. */
  async close(force: boolean): Promise<void> {
    const closing = this.endLocally(this.localEnd('closed', undefined), force);
    await (closing ?? this.teardown);
  }

  /**
   * Ends the session because an AbortSignal fired during `op`; returns the error
   * that call fails with. Idempotent: later calls get the same kind of error.
   */
  abort(op: string, reason: unknown): NetxError {
    this.endLocally(this.localEnd('aborted', reason), true)?.catch(() => undefined);
    return this.local!.error(op);
  }

  /** Calls `fn` when the client ends the session (close() or an abort); returns unsubscribe. */
  onLocalEnd(fn: (error: (op: string) => NetxError) => void): () => void {
    this.localWatchers.add(fn);
    return () => {
      this.localWatchers.delete(fn);
    };
  }

  /** The error a failed call reports: the client's reason when the client ended the session meanwhile. */
  explain(op: string, err: unknown): unknown {
    if (!this.local || isNetxError(err, 'NETX_STATE')) return err;
    return this.local.error(op);
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.transport.write(bytes);
  }

  /** Resolves once the session is closed. */
  whenClosed(): Promise<void> {
    if (this.state === 'closed') return Promise.resolve();
    return new Promise<void>((resolve) => this.closedWaiters.push(resolve));
  }

  /** Waits need a session that was connected and not ended by the client (text received before a hang-up still counts). */
  assertConnected(op: string): void {
    if (this.state === 'idle') throw new StateError(`${op}() before connect(); await connect(host) first.`);
    if (this.local) throw this.stateError(op);
  }

  assertOpen(op: string): void {
    if (this.state === 'open' || this.state === 'connecting') return;
    if (this.state === 'idle') throw new StateError(`${op}() before connect(); await connect(host) first.`);
    if (this.local) throw this.stateError(op);
    throw new ConnectionError('closed', `${op}() after the connection${this.host ? ` to ${this.host}` : ''} was closed; connect again with a new Protocol.`, {
      ...(this.host ? { host: this.host } : {}),
    });
  }

  /** Calls fail with `local`'s error from now on; the transport is torn down (returned: its close). */
  private endLocally(local: LocalEnd, force: boolean): Promise<void> | undefined {
    if (this.local) return undefined;
    this.local = local;
    const was = this.state;
    if (was === 'open' || was === 'connecting') this.dbg.log(1, local.kind === 'closed' ? `closing${force ? ' (forced)' : ''}` : 'aborted by an AbortSignal; closing');
    this.end(undefined);
    const watchers = [...this.localWatchers];
    this.localWatchers.clear();
    for (const w of watchers) w(local.error);
    if (was === 'connecting') {
      // The transport's connect() ends through TransportSession.signal.
      this.connectAbort.abort(local.error('connect'));
      return (this.teardown = this.connecting?.then(
        () => undefined,
        () => undefined,
      ));
    }
    if (was !== 'open') return undefined;
    const closing = this.transport.close(force);
    this.teardown = closing.catch(() => undefined);
    return closing;
  }

  /** The one way a session ends. */
  private end(error: NetxError | undefined): void {
    if (this.state === 'closed') return;
    this.listener.draining();
    this.dbg.log(1, error ? `connection ended: ${error.message}` : this.local ? `session ${this.local.kind}` : 'connection closed');
    this.state = 'closed';
    this.unwatch?.();
    this.listener.closed(error, this.local?.error);
    const waiters = this.closedWaiters;
    this.closedWaiters = [];
    for (const w of waiters) w();
  }

  private localEnd(kind: LocalEnd['kind'], reason: unknown): LocalEnd {
    const where = () => (this.host ? ` to ${this.host}` : '');
    const host = () => (this.host ? { host: this.host } : {});
    if (kind === 'closed') return { kind, error: (op) => new ClosedError(`${op}() did not finish: close() was called and the session${where()} is closed.`, host()) };
    return {
      kind,
      error: (op) =>
        isNetxError(reason)
          ? reason
          : new AbortedError(`${op}() was aborted by its AbortSignal; the session${where()} is closed.`, { ...host(), ...(reason !== undefined ? { cause: reason } : {}) }),
    };
  }

  private stateError(op: string): StateError {
    const how = this.local?.kind === 'aborted' ? 'was aborted by an AbortSignal' : 'was closed by close()';
    return new StateError(`${op}() after the session${this.host ? ` to ${this.host}` : ''} ${how}; connect again with a new Protocol.`, this.host ? { host: this.host } : {});
  }
}

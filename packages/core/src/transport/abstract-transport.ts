// Template base class for adapters: it owns the state machine, argument checks,
// the connect timeout, keepalive and error mapping; adapters implement the `_` hooks
// and report received bytes with push() and the end of the stream with end().
import type { Account } from '../account.js';
import {
  AbortedError,
  ConnectionError,
  isNetxError,
  StateError,
  TimeoutError,
  type NetxError,
} from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type {
  DebugLevel,
  ProtocolAuthContext,
  Transport,
  TransportCapabilities,
  TransportSession,
} from '../ports/transport.js';
import { KeepaliveScheduler, type KeepaliveProbe, type KeepaliveSettings } from './keepalive.js';
import { mapSocketError } from './socket-errors.js';

export type TransportState = 'idle' | 'opening' | 'open' | 'closing' | 'closed';

export abstract class AbstractTransport implements Transport {
  abstract readonly kind: string;
  abstract readonly capabilities: TransportCapabilities;
  abstract readonly defaultPort: number;

  private _state: TransportState = 'idle';
  private _session: TransportSession | undefined;
  private _protocolAuthenticated = false;
  private _ended = false;
  /** The teardown in flight, so every close() caller waits for the same one. */
  private _closing: Promise<void> | undefined;
  private _keepalive: KeepaliveScheduler | undefined;

  get state(): TransportState {
    return this._state;
  }

  /** The session of the current connection (after connect() started); throws before. */
  protected get session(): TransportSession {
    if (!this._session) throw new StateError(`${this.kind}: no session; call connect() first.`);
    return this._session;
  }

  /** The session, or undefined before connect(): for code that may run either way (error mapping). */
  protected get sessionOrUndefined(): TransportSession | undefined {
    return this._session;
  }

  /** True once close() or the end of the stream started the teardown (adapters ignore late events then). */
  protected get closingOrClosed(): boolean {
    return this._state === 'closing' || this._state === 'closed';
  }

  protected get clock(): Clock {
    return this.session.clock;
  }

  protected debug(level: DebugLevel, message: string): void {
    this._session?.debug(level, `${this.kind}: ${message}`);
  }

  /** Whether debug lines of `level` reach anyone (so costly ones can be skipped). */
  protected debugEnabled(level: DebugLevel): boolean {
    const s = this._session;
    return s !== undefined && (s.debugEnabled?.(level) ?? true);
  }

  async connect(session: TransportSession): Promise<void> {
    if (this._state !== 'idle') {
      throw new StateError(`${this.kind}: connect() called while ${this._state}; create a new transport for a new connection.`);
    }
    if (!session.host) throw new TypeError(`${this.kind}: connect() needs a host.`);
    this._session = session;
    this._state = 'opening';
    const { clock, connectTimeout, signal, host, port } = session;
    let timer: unknown;
    let onAbort: (() => void) | undefined;
    const guard = new Promise<never>((_, reject) => {
      if (connectTimeout > 0 && Number.isFinite(connectTimeout)) {
        timer = clock.setTimeout(
          () =>
            reject(
              new TimeoutError('connect', connectTimeout, `Connecting to ${host}:${port} over ${this.kind} took longer than ${connectTimeout} ms; check that the host is reachable or raise connectTimeout.`, { host }),
            ),
          connectTimeout,
        );
      }
      if (signal) {
        onAbort = () => reject(new AbortedError(`Connecting to ${host}:${port} was aborted.`, { host }));
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }
    });
    try {
      await Promise.race([this._open(session), guard]);
      if (this._state !== 'opening') {
        throw new ConnectionError('closed', `${host}:${port} closed the ${this.kind} connection while it was being set up.`, { host });
      }
      this._state = 'open';
    } catch (err) {
      this._state = 'closing';
      this.stopKeepalive();
      try {
        await this._close(true);
      } catch {
        // the connect error is the one worth reporting
      }
      this._state = 'closed';
      this._ended = true;
      throw this.mapError(err, 'connect');
    } finally {
      if (timer !== undefined) clock.clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
  }

  async protocolAuthenticate(account: Account, context: ProtocolAuthContext): Promise<void> {
    this.assertOpen('protocolAuthenticate');
    try {
      await this._authenticate(account, context);
    } catch (err) {
      throw this.mapError(err, 'authenticate');
    }
    this._protocolAuthenticated = true;
  }

  isProtocolAuthenticated(): boolean {
    return this._protocolAuthenticated;
  }

  async write(bytes: Uint8Array): Promise<void> {
    this.assertOpen('write');
    if (!(bytes instanceof Uint8Array)) throw new TypeError(`${this.kind}: write() takes a Uint8Array.`);
    if (bytes.length === 0) return;
    try {
      await this._write(bytes);
    } catch (err) {
      throw this.mapError(err, 'write');
    }
  }

  resize(columns: number, rows: number): void {
    if (this._state !== 'open') return;
    this._resize(columns, rows);
  }

  getBanner(): string | undefined {
    return undefined;
  }

  getRemoteVersion(): string | undefined {
    return undefined;
  }

  isDummy(): boolean {
    return false;
  }

  async close(force = false): Promise<void> {
    if (this._state === 'idle') {
      this._state = 'closed';
      return;
    }
    if (this._state === 'closing' || this._state === 'closed') return this._closing;
    // Closed while still connecting: there is nothing to say goodbye to.
    const now = force || this._state === 'opening';
    this._state = 'closing';
    this.stopKeepalive();
    this._closing = this._close(now).finally(() => {
      this._state = 'closed';
      this.finish(undefined);
    });
    return this._closing;
  }

  // ---- for adapters ----

  /** Adapters call this with every chunk received from the device. */
  protected push(bytes: Uint8Array): void {
    if (this._ended || bytes.length === 0) return;
    this._keepalive?.heard();
    this._session?.onData(bytes);
  }

  /**
   * Starts dead-peer detection on the session clock (see keepalive.ts): the adapter supplies
   * the ping, reports answers with keepaliveAnswered() and other signs of life that are not
   * data with peerAlive(). A dead peer ends the connection with TimeoutError('keepalive').
   * Stopped by close() and by the end of the stream. A zero interval does nothing.
   */
  protected startKeepalive(settings: KeepaliveSettings, probe: KeepaliveProbe): void {
    this.stopKeepalive();
    if (!(settings.interval > 0) || !Number.isFinite(settings.interval) || this._ended) return;
    const session = this.session;
    this._keepalive = new KeepaliveScheduler(settings, probe, {
      clock: session.clock,
      debug: (level, message) => this.debug(level, message),
      dead: (silentMs) => {
        const { host, port } = session;
        this.debug(1, `${host}:${port} left ${settings.countMax} keepalive pings unanswered`);
        this.end(
          new TimeoutError(
            'keepalive',
            silentMs,
            `${this.kind}: ${host}:${port} answered none of ${settings.countMax} keepalive pings (${probe.what}) and sent nothing for ${silentMs} ms; the device or the path to it is down. Reconnect; raise keepaliveInterval/keepaliveCountMax if the link is only slow.`,
            { host },
          ),
        );
      },
    });
  }

  /** The peer answered a keepalive ping. */
  protected keepaliveAnswered(): void {
    this._keepalive?.answered();
  }

  /** Something that is not data came from the peer (a server ping, negotiation): it is alive. */
  protected peerAlive(): void {
    this._keepalive?.heard();
  }

  /** Adapters call this when the stream ended (error undefined for a clean close by the peer). */
  protected end(error?: unknown): void {
    if (this._ended) return;
    this.stopKeepalive();
    const mapped = error === undefined ? undefined : this.mapError(error, 'read');
    if (this._state === 'open' || this._state === 'opening') {
      // Tear down what is left without waiting for it; the peer is gone.
      this._state = 'closing';
      this._closing = Promise.resolve()
        .then(() => this._close(true))
        .catch(() => undefined)
        .finally(() => {
          this._state = 'closed';
        });
    }
    this.finish(mapped);
  }

  /** Turns a native error into a NetxError; adapters may override to add their own cases. */
  protected mapError(err: unknown, during: string): NetxError {
    if (isNetxError(err)) return err;
    const host = this._session?.host ?? '?';
    const port = this._session?.port ?? this.defaultPort;
    return mapSocketError(err, { host, port, kind: this.kind, during });
  }

  protected abstract _open(session: TransportSession): Promise<void>;
  protected abstract _write(bytes: Uint8Array): Promise<void>;
  protected abstract _close(force: boolean): Promise<void>;
  /** Protocol-level login; the default has none. */
  protected async _authenticate(_account: Account, _context: ProtocolAuthContext): Promise<void> {}
  protected _resize(_columns: number, _rows: number): void {}

  private stopKeepalive(): void {
    this._keepalive?.stop();
    this._keepalive = undefined;
  }

  private finish(error: NetxError | undefined): void {
    if (this._ended) return;
    this._ended = true;
    this._session?.onClose(error);
  }

  private assertOpen(method: string): void {
    if (this._state === 'open') return;
    if (this._state === 'idle' || this._state === 'opening') {
      throw new StateError(`${this.kind}: ${method}() before the connection is open; await connect() first.`);
    }
    throw new ConnectionError('closed', `${this.kind}: ${method}() after the connection to ${this._session?.host ?? 'the device'} was closed; connect again with a new transport.`, {
      ...(this._session ? { host: this._session.host } : {}),
    });
  }
}

// One SSH connection (the target, or one jump host) on an ssh2 Client. It turns ssh2's
// callbacks into awaitable steps: start() ends after key exchange and the host key check
// (when ssh2 first asks for credentials), nextAuthEvent() yields each authentication
// turn, and every failure ends up as one NetxError that names this hop.
import type { Duplex } from 'node:stream';
import { ConnectionError, TimeoutError, type Clock, type DebugLevel, type NetxError } from '@netx/core';
import ssh2 from 'ssh2'; // CommonJS: named imports fail under Node's ESM loader
import type { AnyAuthMethod, Algorithms, AuthenticationType, ClientChannel, PseudoTtyOptions } from 'ssh2';
import type { HostKeyChecker } from './host-key-checker.js';
import { captureIdent } from './ident.js';
import { mapForwardError, mapSshError } from './ssh-errors.js';

export type AuthEvent =
  | { readonly kind: 'ready' }
  | {
      readonly kind: 'turn';
      /** null on the first turn, before the server said what it accepts. */
      readonly methodsLeft: readonly string[] | null;
      readonly partialSuccess: boolean;
      readonly next: (method: AnyAuthMethod | false) => void;
    };

export interface HopConfig {
  checker: HostKeyChecker;
  algorithms: Algorithms | undefined;
  /** Hand ssh2's per-packet trace to the log (debug level 5); off, ssh2 builds no trace lines. */
  trace: boolean;
}

type Log = (level: DebugLevel, message: string) => void;

export class SshHop {
  readonly client = new ssh2.Client();
  readonly label: string;
  banner: string | undefined;
  remoteIdent: string | undefined;

  private readonly events: AuthEvent[] = [];
  private waiter: { resolve: (e: AuthEvent) => void; reject: (e: NetxError) => void } | undefined;
  private failed: NetxError | undefined;
  private hostKeyError: NetxError | undefined;
  private closed = false;
  private terminalListener: ((error: NetxError) => void) | undefined;
  private phase = 'connect';

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly log: Log,
  ) {
    this.label = `${host}:${port}`;
  }

  /** Runs the SSH handshake over `sock`; resolves once the host key is accepted and the server awaits a login. */
  start(sock: Duplex, cfg: HopConfig): Promise<void> {
    const c = this.client;
    c.on('banner', (msg: string) => {
      this.banner = msg;
      this.log(2, `${this.label} sent an auth banner (${msg.length} characters)`);
    });
    captureIdent(sock, (ident) => (this.remoteIdent = ident));
    c.on('handshake', (negotiated) => {
      this.log(2, `${this.label}: key exchange done (${negotiated.kex}, ${negotiated.serverHostKey}, ${negotiated.cs.cipher}); server ${this.remoteIdent ?? '?'}`);
      try {
        cfg.checker.commit();
      } catch (err) {
        this.log(1, `could not write the accepted host key of ${this.label}: ${err instanceof Error ? err.message : String(err)}`);
      }
    });
    c.on('ready', () => this.post({ kind: 'ready' }));
    c.on('error', (err: Error & { level?: string }) => {
      // Signing or agent trouble during login is per-method: ssh2 goes on with the next method.
      if (this.phase === 'authenticate' && (err.level === 'agent' || (err.level === 'client-authentication' && !/All configured/.test(err.message)))) {
        this.log(1, `${this.label}: ${err.level} problem, trying the next method: ${err.message}`);
        return;
      }
      this.fail(err);
    });
    c.on('close', () => {
      this.closed = true;
      this.fail(new ConnectionError('closed', `${this.label} closed the SSH connection during ${this.phase}.`, { host: this.host }));
    });

    const firstEvent = new Promise<void>((resolve, reject) => {
      this.waiter = {
        resolve: (e) => {
          this.events.unshift(e); // keep it for the login that follows
          resolve();
        },
        reject,
      };
    });
    c.connect({
      sock: sock as never,
      username: '', // every auth method carries its own user name
      readyTimeout: 0, // the caller's connectTimeout (via the Clock) bounds the handshake
      keepaliveInterval: 0, // keepalive runs on the session Clock (AbstractTransport), see ping()
      ...(cfg.algorithms ? { algorithms: cfg.algorithms } : {}),
      hostVerifier: (key: Buffer) => {
        const problem = cfg.checker.check(key);
        if (problem) this.hostKeyError = problem;
        return problem === undefined;
      },
      authHandler: (methodsLeft: AuthenticationType[] | null, partialSuccess: boolean | null, next: (m: AnyAuthMethod | false) => void) => {
        this.post({ kind: 'turn', methodsLeft: methodsLeft ?? null, partialSuccess: partialSuccess === true, next: next as (m: AnyAuthMethod | false) => void });
      },
      ...(cfg.trace ? { debug: (msg: string) => this.log(5, `${this.label} ssh2: ${msg}`) } : {}),
    } as never);
    return firstEvent;
  }

  /** The next authentication step from the server (or success); rejects once the connection failed. */
  nextAuthEvent(): Promise<AuthEvent> {
    this.phase = 'authenticate';
    if (this.failed) return Promise.reject(this.failed);
    const queued = this.events.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }

  /** Ends the connection with `err` (mapped to a NetxError naming this hop); the first failure wins. */
  fail(err: unknown): void {
    if (!this.failed) {
      this.failed = this.hostKeyError ?? mapSshError(err, { host: this.host, port: this.port, during: this.phase });
      this.log(2, `${this.label}: ${this.failed.message}`);
      const w = this.waiter;
      this.waiter = undefined;
      w?.reject(this.failed);
      this.terminalListener?.(this.failed);
    }
    if (!this.closed) this.client.destroy();
  }

  get failure(): NetxError | undefined {
    return this.failed;
  }

  /** Called once when the connection ends for any reason after start(). */
  onTerminal(listener: (error: NetxError) => void): void {
    this.terminalListener = listener;
    if (this.failed) listener(this.failed);
  }

  /**
   * Opens the session channel, asks for a PTY and a shell. A server that never answers one of
   * these requests fails the connection after `limit.ms` on `limit.clock` (0: no limit).
   */
  async openShell(pty: PseudoTtyOptions, limit: { clock: Clock; ms: number }): Promise<ClientChannel> {
    this.phase = 'shell';
    const { clock, ms } = limit;
    const timer =
      ms > 0 && Number.isFinite(ms)
        ? clock.setTimeout(
            () =>
              this.fail(
                new TimeoutError('shell', ms, `${this.label} accepted the login but did not open the interactive shell within ${ms} ms (no answer to the session, PTY or shell request); check the server's sshd (ForceCommand, shell, PTY limits) or raise connectTimeout.`, { host: this.host }),
              ),
            ms,
          )
        : undefined;
    try {
      return await this.channel((cb) => this.client.shell(pty, cb), (err) =>
        new ConnectionError('other', `${this.label} refused the interactive shell with a PTY (${err.message}); check that the account may open a shell.`, { host: this.host, cause: err }),
      );
    } finally {
      if (timer !== undefined) clock.clearTimeout(timer);
    }
  }

  /**
   * Sends one keepalive (GLOBAL_REQUEST keepalive@openssh.com, want-reply), as ssh2's own
   * keepalive does: the reply, success or failure, calls `onReply`. ssh2 has no public call for
   * it; without its internals the request falls back to cancel-tcpip-forward for a port never
   * forwarded, which every server answers (with a failure) and which changes nothing.
   */
  ping(onReply: () => void): void {
    if (this.closed || this.failed) return;
    const internals = this.client as unknown as { _protocol?: { ping?: () => void }; _callbacks?: unknown[] };
    try {
      if (typeof internals._protocol?.ping === 'function' && Array.isArray(internals._callbacks)) {
        internals._callbacks.push(() => onReply());
        internals._protocol.ping();
      } else {
        this.client.unforwardIn('127.0.0.1', 0, () => onReply());
      }
    } catch (err) {
      this.fail(err); // not writable any more: the connection is going
    }
  }

  forwardOut(host: string, port: number): Promise<ClientChannel> {
    this.phase = 'forward';
    return this.channel((cb) => this.client.forwardOut('127.0.0.1', 0, host, port, cb), (err) => mapForwardError(err, this.label, `${host}:${port}`));
  }

  private channel(open: (cb: (err: Error | undefined, ch: ClientChannel) => void) => void, mapErr: (err: Error) => NetxError): Promise<ClientChannel> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiter = { resolve: () => undefined, reject }; // a dying connection rejects the wait
      try {
        open((err, ch) => {
          this.waiter = undefined;
          if (this.failed) reject(this.failed);
          else if (err) reject(mapErr(err));
          else resolve(ch);
        });
      } catch (err) {
        this.waiter = undefined;
        reject(this.failed ?? mapSshError(err, { host: this.host, port: this.port, during: this.phase }));
      }
    });
  }

  /** Polite close: SSH disconnect, then wait for the socket to close (bounded by the caller). */
  end(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.phase = 'close';
    return new Promise((resolve) => {
      this.client.once('close', () => resolve());
      this.client.end();
    });
  }

  destroy(): void {
    this.phase = 'close';
    this.client.destroy();
  }

  private post(e: AuthEvent): void {
    const w = this.waiter;
    if (w) {
      this.waiter = undefined;
      w.resolve(e);
    } else {
      this.events.push(e);
    }
  }
}

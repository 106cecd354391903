// Protocol: the connection users program against (Exscript's Protocol, re-imagined).
// It owns the buffer and expect engine (WaitEngine), the driver choice (fixed or
// guessed), the login state machine (login.ts), monitors, events and logging.
import type { Account } from '../account.js';
import { generic, GENERIC_PASSWORD_PROMPT, GENERIC_PROMPT, GENERIC_USERNAME_PROMPT } from '../drivers/generic.js';
import { ConnectionError, InvalidCommandError, isNetxError, StateError, type NetxError } from '../errors.js';
import { OsGuesser } from '../guess/os-guesser.js';
import { systemClock, type Clock } from '../ports/clock.js';
import { toRegExps, type Driver, type DriverConnection, type MatchResult, type Pattern } from '../ports/driver.js';
import { hasProtocolAuth, type DebugLevel, type Transport, type TransportSession } from '../ports/transport.js';
import { Credentials, type OtpListener } from './credentials.js';
import { createCodec, type TextCodec } from './decoder.js';
import { DriverRegistry } from './driver-registry.js';
import { runInteract, type InteractIo } from './interact.js';
import { appLogin, type LoginHost, type LoginKind } from './login.js';
import { ConversationLog, DebugLog, SecretRedactor, visible } from './logging.js';
import { findCommandError } from './command-errors.js';
import { Monitors } from './monitors.js';
import { DEFAULTS, type PromptWaitOptions, type ProtocolOptions, type WaitOptions } from './options.js';
import { WaitEngine, type ResolvedPatterns, type WaitResult } from './wait-engine.js';

export type DataListener = (text: string) => void;
export type { OtpListener };
export type MonitorListener = (conn: Protocol, index: number, match: RegExpExecArray) => void;

export interface LoginOptions {
  appAccount?: Account;
  flush?: boolean;
}
export interface AppLoginCallOptions {
  flush?: boolean;
  bailout?: boolean;
}

type State = 'idle' | 'connecting' | 'open' | 'closed';
type UserPatterns = Partial<Record<'prompt' | 'error' | 'loginError' | 'username' | 'password', RegExp[]>>;

export class Protocol implements DriverConnection {
  private readonly transport: Transport;
  private readonly registry: DriverRegistry;
  private readonly guesser: OsGuesser;
  private readonly clock: Clock;
  private readonly codec: TextCodec;
  private readonly engine: WaitEngine;
  private readonly monitors = new Monitors();
  private readonly redactor = new SecretRedactor();
  private readonly log: ConversationLog;
  private readonly dbg: DebugLog;
  private readonly dataListeners = new Set<DataListener>();
  private readonly otpListeners = new Set<OtpListener>();
  private readonly rawTaps = new Set<(bytes: Uint8Array) => void>();
  private readonly user: UserPatterns = {};
  private readonly credentials: Credentials;
  private readonly opts: ProtocolOptions;
  private fixedDriver: Driver | undefined;
  private guessedDriver: Driver = generic;
  private state: State = 'idle';
  private host: string | undefined;
  private _response: string | undefined;
  private timeout: number;
  private connectTimeout: number;
  private deadline: number;
  private readonly settleTime: number;
  private protoAuthenticated = false;
  private appAuthenticated = false;
  private appAuthorized = false;
  private bannerFed: string | undefined;
  private closedWaiters: (() => void)[] = [];
  /** Data came since the guess was last read: guessing runs when a driver is needed, not per chunk. */
  private guessStale = false;
  /** guesser.isCertain() as of the last updateGuess() (prompt waits read it on every chunk). */
  private guessCertain = false;
  private readonly promptCache: ({ driver: Driver; prompt: readonly RegExp[]; resolved: ResolvedPatterns } | undefined)[] = [];

  constructor(options: ProtocolOptions) {
    if (!options || typeof options.transport !== 'object' || options.transport === null) {
      throw new TypeError('Protocol: options.transport is required (an adapter instance such as new SshTransport()).');
    }
    this.opts = options;
    this.transport = options.transport;
    this.clock = options.clock ?? systemClock;
    this.registry = new DriverRegistry(options.drivers ?? []);
    this.guesser = new OsGuesser(this.registry.all());
    this.codec = createCodec(options.encoding ?? DEFAULTS.encoding);
    this.timeout = checkMs('timeout', options.timeout ?? DEFAULTS.timeout);
    this.connectTimeout = checkMs('connectTimeout', options.connectTimeout ?? DEFAULTS.connectTimeout);
    this.deadline = checkMs('deadline', options.deadline ?? DEFAULTS.deadline);
    this.settleTime = checkMs('settleTime', options.settleTime ?? DEFAULTS.settleTime);
    this.log = new ConversationLog(options.stdout, options.logfile, (text) => this.codec.encode(text));
    const sink = options.stderr ?? ((line: string) => void process.stderr.write(`${line}\n`));
    this.dbg = new DebugLog(options.debug ?? DEFAULTS.debug, sink, this.redactor, () => `netx ${this.host ?? '-'}`);
    this.credentials = new Credentials(this.redactor, options.accountFactory, this.otpListeners, () => this.host, (level, message) => this.dbg.log(level, message));
    this.engine = new WaitEngine({
      clock: this.clock,
      maxBufferSize: positiveInt('maxBufferSize', options.maxBufferSize ?? DEFAULTS.maxBufferSize),
      maxPages: positiveInt('maxPages', options.maxPages ?? DEFAULTS.maxPages),
      host: () => this.host,
      sendRaw: (text) => this.send(text),
      onMatch: (response) => {
        this._response = response;
      },
      redact: (text) => this.redactor.redact(text),
      debug: (level, message) => this.dbg.log(level, message),
      debugEnabled: (level) => this.dbg.enabled(level),
    });
    if (options.driver !== undefined) this.setDriver(options.driver);
  }

  // ---------------------------------------------------------------- events

  on(event: 'dataReceived', fn: DataListener): () => void;
  on(event: 'otpRequested', fn: OtpListener): () => void;
  on(event: 'dataReceived' | 'otpRequested', fn: DataListener | OtpListener): () => void {
    if (typeof fn !== 'function') throw new TypeError(`on('${event}'): the listener must be a function.`);
    const set: Set<unknown> = event === 'dataReceived' ? this.dataListeners : event === 'otpRequested' ? this.otpListeners : failEvent(event);
    set.add(fn);
    return () => {
      set.delete(fn);
    };
  }

  // ---------------------------------------------------------------- connection

  async connect(host: string, port?: number): Promise<void> {
    if (this.state !== 'idle') throw new StateError(`connect() called on a Protocol that is ${this.state}; create a new Protocol (and transport) per connection.`);
    if (typeof host !== 'string' || host.length === 0) throw new TypeError('connect(host): host must be a non-empty string.');
    this.host = host;
    this.state = 'connecting';
    this.engine.reset();
    this._response = undefined;
    const session: TransportSession = {
      host,
      port: port ?? this.transport.defaultPort,
      connectTimeout: this.connectTimeout,
      bannerTimeout: this.opts.bannerTimeout ?? DEFAULTS.bannerTimeout,
      termType: this.opts.termType ?? DEFAULTS.termType,
      columns: this.opts.columns ?? DEFAULTS.columns,
      rows: this.opts.rows ?? DEFAULTS.rows,
      verifyFingerprint: this.opts.verifyFingerprint ?? DEFAULTS.verifyFingerprint,
      clock: this.clock,
      debug: (level, message) => this.dbg.log(level, message),
      debugEnabled: (level) => this.dbg.enabled(level),
      onData: (bytes) => this.onBytes(bytes),
      onClose: (error) => this.onTransportClose(error),
    };
    this.dbg.log(1, `connecting over ${this.transport.kind} to ${host}:${session.port}`);
    try {
      await this.transport.connect(session);
    } catch (err) {
      this.dbg.log(1, `connect failed: ${err instanceof Error ? err.message : String(err)}`);
      this.onTransportClose(isNetxError(err) ? err : undefined);
      throw err;
    }
    if (this.state === 'connecting') this.state = 'open';
    const version = this.transport.getRemoteVersion();
    if (version) this.guesser.protocolInfo(version);
    this.feedBanner();
    this.updateGuess();
    this.dbg.log(1, `connected${version ? ` (${version})` : ''}`);
  }

  async close(force = false): Promise<void> {
    if (this.state === 'idle') {
      this.state = 'closed';
      return;
    }
    this.dbg.log(1, `closing${force ? ' (forced)' : ''}`);
    try {
      await this.transport.close(force);
    } finally {
      this.onTransportClose(undefined);
    }
  }

  getBanner(): string | undefined {
    return this.transport.getBanner();
  }

  getRemoteVersion(): string | undefined {
    return this.transport.getRemoteVersion();
  }

  getHost(): string | undefined {
    return this.host;
  }

  isDummy(): boolean {
    return this.transport.isDummy();
  }

  // ---------------------------------------------------------------- sending and waiting

  async send(data: string): Promise<void> {
    await this.write(data);
  }

  async execute(command: string, opts: PromptWaitOptions = {}): Promise<MatchResult> {
    if (typeof command !== 'string') throw new TypeError('execute(command): command must be a string.');
    this.assertConnected('execute');
    if (this.engine.isWaiting) throw new StateError('execute() while another wait is pending; await it first, or cancelExpect(). Nothing was sent.');
    if (this.dbg.enabled(3)) this.dbg.log(3, `execute ${visible(command)}`);
    // Wait first, then send: the answer can never be missed, and nothing waits on the
    // write's completion before the wait exists (a round trip costs less that way).
    const answer = this.promptWait('execute', opts, command);
    answer.catch(() => undefined); // rejections reach the caller below, not the process
    try {
      await this.write(`${command}\r`);
    } catch (err) {
      this.engine.cancel();
      throw err;
    }
    return answer;
  }

  waitFor(pattern: Pattern | Pattern[], opts: WaitOptions = {}): Promise<MatchResult> {
    return this.patternWait('waitFor', pattern, false, opts);
  }

  expect(pattern: Pattern | Pattern[], opts: WaitOptions = {}): Promise<MatchResult> {
    return this.patternWait('expect', pattern, true, opts);
  }

  expectPrompt(opts: PromptWaitOptions = {}): Promise<MatchResult> {
    return this.promptWait('expectPrompt', opts);
  }

  cancelExpect(): void {
    if (this.engine.cancel()) this.dbg.log(3, 'pending wait cancelled');
  }

  addMonitor(pattern: Pattern | Pattern[], callback: MonitorListener, limit: number = DEFAULTS.monitorLimit): () => void {
    const patterns = nonEmptyPatterns('addMonitor', pattern);
    if (typeof callback !== 'function') throw new TypeError('addMonitor: callback must be a function.');
    return this.monitors.add(patterns, (index, match) => callback(this, index, match), limit);
  }

  get response(): string | undefined {
    return this._response;
  }

  /** The text received and not consumed yet (netx addition, for tests and tools). */
  getBuffer(): string {
    return this.engine.buffer.text();
  }

  // ---------------------------------------------------------------- drivers and patterns

  async autoInit(): Promise<void> {
    await this.getDriver().autoInit(this);
  }

  guessOs(): string {
    this.updateGuess();
    return this.guesser.best();
  }

  setDriver(driver?: Driver | string | null): void {
    if (driver === undefined || driver === null) {
      this.fixedDriver = undefined;
      this.updateGuess();
      return;
    }
    if (typeof driver === 'string') {
      const found = this.registry.get(driver);
      if (!found) throw new TypeError(`Unknown driver ${JSON.stringify(driver)}; known: ${this.registry.names().join(', ')}. Pass it in the drivers option.`);
      this.fixedDriver = found;
    } else {
      if (typeof driver !== 'object' || typeof driver.name !== 'string') throw new TypeError('setDriver: expected a Driver, a driver name, or null.');
      this.fixedDriver = driver;
    }
  }

  getDriver(): Driver {
    if (this.fixedDriver) return this.fixedDriver;
    if (this.guessStale) this.updateGuess();
    return this.guessedDriver;
  }

  setPrompt(p?: Pattern | Pattern[] | null): void {
    this.setUser('prompt', p);
  }
  /** The prompts waits accept now (the driver's, plus the generic prompt while a guess is uncertain). */
  getPrompt(): RegExp[] {
    return [...this.promptList(this.getDriver())];
  }
  setErrorPrompt(p?: Pattern | Pattern[] | null): void {
    this.setUser('error', p);
  }
  getErrorPrompt(): RegExp[] {
    return [...(this.user.error ?? this.getDriver().errorPrompt)];
  }
  setLoginErrorPrompt(p?: Pattern | Pattern[] | null): void {
    this.setUser('loginError', p);
  }
  getLoginErrorPrompt(): RegExp[] {
    return [...(this.user.loginError ?? this.getDriver().loginErrorPrompt)];
  }
  setUsernamePrompt(p?: Pattern | Pattern[] | null): void {
    this.setUser('username', p);
  }
  getUsernamePrompt(): RegExp[] {
    return [...(this.user.username ?? this.getDriver().usernamePrompt)];
  }
  setPasswordPrompt(p?: Pattern | Pattern[] | null): void {
    this.setUser('password', p);
  }
  getPasswordPrompt(): RegExp[] {
    return [...(this.user.password ?? this.getDriver().passwordPrompt)];
  }

  setTimeout(ms: number): void {
    this.timeout = checkMs('timeout', ms);
  }
  getTimeout(): number {
    return this.timeout;
  }
  setConnectTimeout(ms: number): void {
    this.connectTimeout = checkMs('connectTimeout', ms);
  }
  getConnectTimeout(): number {
    return this.connectTimeout;
  }
  setDeadline(ms: number): void {
    this.deadline = checkMs('deadline', ms);
  }
  getDeadline(): number {
    return this.deadline;
  }

  // ---------------------------------------------------------------- login

  async login(account?: Account, opts: LoginOptions = {}): Promise<void> {
    const acct = await this.credentials.resolve(account);
    const app = opts.appAccount ?? acct;
    this.credentials.remember(app);
    const flush = opts.flush ?? true;
    this.dbg.log(2, `login as "${acct.name}"${opts.appAccount ? ` (app-level "${app.name}")` : ''}`);
    await this.authenticate(acct, { appAccount: app, flush: false });
    const driver = this.getDriver();
    if (driver.supportsAutoAuthorize()) {
      await this.eatPrompt();
      await this.authorizeWith(driver, app, { flush, bailout: false });
    } else {
      this.appAuthorized = true;
      if (flush) await this.eatPrompt();
    }
  }

  async authenticate(account?: Account, opts: LoginOptions = {}): Promise<void> {
    const acct = await this.credentials.resolve(account);
    if (!this.isProtocolAuthenticated()) await this.protocolAuthenticate(acct);
    await this.appAuthenticate(opts.appAccount ?? acct, { flush: opts.flush ?? true });
  }

  async protocolAuthenticate(account?: Account): Promise<void> {
    const acct = await this.credentials.resolve(account);
    this.assertOpen('protocolAuthenticate');
    if (!hasProtocolAuth(this.transport)) {
      this.dbg.log(2, `${this.transport.kind} has no protocol-level login`);
      this.protoAuthenticated = true;
      return;
    }
    this.dbg.log(2, `protocol-level login as "${acct.name}"`);
    await this.transport.protocolAuthenticate(acct, {
      clock: this.clock,
      debug: (level, message) => this.dbg.log(level, message),
      requestOtp: (prompt) => this.credentials.otpForPrompt(acct, prompt),
    });
    this.protoAuthenticated = true;
    this.feedBanner();
  }

  async appAuthenticate(account?: Account, opts: AppLoginCallOptions = {}): Promise<void> {
    const acct = await this.credentials.resolve(account);
    if ((await this.appLoginStep(acct, 'authenticate', opts)) === 'prompt') {
      this.appAuthenticated = true;
      this.guesser.endHead();
    }
  }

  async appAuthorize(account?: Account, opts: AppLoginCallOptions = {}): Promise<void> {
    const acct = await this.credentials.resolve(account);
    if ((await this.appLoginStep(acct, 'authorize', opts)) === 'prompt') this.appAuthorized = true;
  }

  async autoAppAuthorize(account?: Account, opts: AppLoginCallOptions = {}): Promise<void> {
    const acct = await this.credentials.resolve(account);
    await this.authorizeWith(this.getDriver(), acct, { flush: opts.flush ?? true, bailout: opts.bailout ?? false });
  }

  isProtocolAuthenticated(): boolean {
    return this.protoAuthenticated;
  }
  isAppAuthenticated(): boolean {
    return this.appAuthenticated;
  }
  isAppAuthorized(): boolean {
    return this.appAuthorized;
  }

  // ---------------------------------------------------------------- interact

  async interact(io: InteractIo<Protocol>): Promise<void> {
    this.assertOpen('interact');
    const transport = this.transport;
    const canResize = transport.capabilities.windowSize && typeof transport.resize === 'function';
    await runInteract(
      {
        tapRaw: (fn) => {
          this.rawTaps.add(fn);
          return () => this.rawTaps.delete(fn);
        },
        closed: () => new Promise<void>((resolve) => this.closedWaiters.push(resolve)),
        isClosed: () => this.state === 'closed',
        write: (bytes) => transport.write(bytes),
        resize: canResize ? (c, r) => transport.resize!(c, r) : undefined,
        pending: () => this.codec.encode(this.getBuffer()),
        onError: (err) => this.dbg.log(1, `interact: ${err instanceof Error ? err.message : String(err)}`),
      },
      io,
      this,
    );
  }

  // ---------------------------------------------------------------- internals

  private patternWait(op: string, pattern: Pattern | Pattern[], consume: boolean, opts: WaitOptions): Promise<MatchResult> {
    let resolved: ResolvedPatterns;
    try {
      resolved = { patterns: nonEmptyPatterns(op, pattern).map((re) => ({ re })) };
      this.assertConnected(op);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.engine.wait({ op, consume, ...this.limits(opts), resolve: () => resolved }).then(toMatchResult);
  }

  /** Encodes and writes; the one place text goes out (send, execute, pager answers). */
  private write(data: string): Promise<void> {
    this.assertOpen('send');
    if (this.dbg.enabled(5)) this.dbg.log(5, `send ${visible(data)}`);
    else if (this.dbg.enabled(4)) this.dbg.log(4, `send ${data.length} characters`);
    return this.transport.write(this.codec.encode(data));
  }

  private async promptWait(op: string, opts: PromptWaitOptions, command?: string): Promise<MatchResult> {
    this.assertConnected(op);
    const r = await this.engine.wait({
      op,
      consume: opts.consume ?? true,
      ...this.limits(opts),
      resolve: () => this.promptPatterns(true),
    });
    this.checkErrors(r.response, command);
    return toMatchResult(r);
  }

  /** Consumes the prompt a login left at the end; no command-error check. */
  private async eatPrompt(): Promise<void> {
    await this.engine.wait({ op: 'login', consume: true, ...this.limits({}), resolve: () => this.promptPatterns(false) });
  }

  /**
   * The prompts a wait accepts. A guess below CERTAIN_SCORE may be wrong (an OpenSSH
   * "Debian" banner says linux, the CLI behind it prints `r1>`): then the generic
   * prompt counts too, so a wrong guess cannot make login or execute() hang.
   */
  private promptList(driver: Driver): readonly RegExp[] {
    if (this.user.prompt) return this.user.prompt;
    if (this.fixedDriver || driver === generic || this.guessCertain) return driver.prompt;
    return withGeneric(driver.prompt, GENERIC_PROMPT);
  }

  /** Resolved once per driver/prompt/pager combination: the engine asks on every chunk. */
  private promptPatterns(withPagers: boolean): ResolvedPatterns {
    const driver = this.getDriver();
    const prompt = this.promptList(driver);
    const c = this.promptCache[withPagers ? 1 : 0];
    if (c && c.driver === driver && c.prompt === prompt) return c.resolved;
    const resolved: ResolvedPatterns = {
      patterns: prompt.map((re) => ({ re })),
      clean: driver.cleanSearchText,
      pagers: withPagers ? driver.pagers : undefined,
    };
    this.promptCache[withPagers ? 1 : 0] = { driver, prompt, resolved };
    return resolved;
  }

  /** Exscript: every line of the response after the first (the echo) is searched for the error patterns. */
  private checkErrors(response: string, command?: string): void {
    const hit = findCommandError(this.user.error ?? this.getDriver().errorPrompt, response);
    if (!hit) return;
    const said = this.redactor.redact(response);
    throw new InvalidCommandError(
      `${this.host ?? 'The device'} reported an error${command !== undefined ? ` for ${JSON.stringify(command)}` : ''} (line ${hit.line} matched ${hit.pattern}). Device said:\n${said}`,
      said,
      { ...(this.host ? { host: this.host } : {}), ...(command !== undefined ? { command } : {}) },
    );
  }

  private limits(opts: WaitOptions): { timeout: number; deadline: number; settle: number; signal?: AbortSignal } {
    return {
      timeout: opts.timeout ?? this.timeout,
      deadline: opts.deadline ?? this.deadline,
      settle: opts.settleTime ?? this.settleTime,
      ...(opts.signal ? { signal: opts.signal } : {}),
    };
  }

  private async appLoginStep(account: Account, kind: LoginKind, opts: AppLoginCallOptions): Promise<'prompt' | 'bailout'> {
    this.assertConnected(kind === 'authorize' ? 'appAuthorize' : 'appAuthenticate');
    this.credentials.remember(account);
    return appLogin(this.loginHost(), account, kind, { flush: opts.flush ?? true, bailout: opts.bailout ?? false });
  }

  private async authorizeWith(driver: Driver, account: Account, opts: { flush: boolean; bailout: boolean }): Promise<void> {
    if (driver.supportsAutoAuthorize()) {
      this.dbg.log(2, `authorization by driver ${driver.name}`);
      await driver.autoAuthorize(this, account, opts);
    } else {
      this.dbg.log(2, `driver ${driver.name} has no authorization step`);
    }
    this.appAuthorized = true;
  }

  private loginHost(): LoginHost {
    const maxLoginAttempts = positiveInt('maxLoginAttempts', this.opts.maxLoginAttempts ?? DEFAULTS.maxLoginAttempts);
    return {
      engine: this.engine,
      maxLoginAttempts,
      host: () => this.host,
      loginPatterns: () => {
        const d = this.getDriver();
        return {
          loginError: this.user.loginError ?? d.loginErrorPrompt,
          // The generic questions are always understood: a guessed driver's narrower
          // pattern must not miss the `login:` already on screen.
          username: this.user.username ?? withGeneric(d.usernamePrompt, GENERIC_USERNAME_PROMPT),
          password: this.user.password ?? withGeneric(d.passwordPrompt, GENERIC_PASSWORD_PROMPT),
          prompt: this.promptList(d),
        };
      },
      clean: () => this.getDriver().cleanSearchText,
      pagers: () => this.getDriver().pagers,
      send: (text) => this.send(text),
      sendSecret: (text) => this.sendSecret(text),
      answerOtp: (account, seq, seed, password) => this.credentials.answerOtp(account, seq, seed, password),
      waitLimits: () => ({ timeout: this.timeout, deadline: this.deadline, settle: this.settleTime }),
      debug: (level, message) => this.dbg.log(level, message),
    };
  }

  private async sendSecret(text: string): Promise<void> {
    this.assertOpen('send');
    this.redactor.add(text.replace(/\r$/, ''));
    this.dbg.log(4, 'send [secret]');
    await this.transport.write(this.codec.encode(text));
  }

  private onBytes(bytes: Uint8Array): void {
    if (this.state === 'closed') return;
    if (this.rawTaps.size > 0) for (const tap of [...this.rawTaps]) tap(bytes);
    const text = this.codec.decode(bytes);
    if (text.length > 0) this.onText(text);
  }

  private onText(text: string): void {
    // Redacting costs a pass over every chunk: only pay for it when someone reads the copy.
    const traced = this.dbg.enabled(5);
    if (traced || this.log.active) {
      const safe = this.redactor.stream(text);
      if (traced) this.dbg.log(5, `recv ${visible(safe)}`);
      this.log.write(safe);
    } else if (this.dbg.enabled(4)) this.dbg.log(4, `recv ${text.length} characters`);
    this.guesser.data(text);
    this.guessStale = true;
    if (this.monitors.size > 0) this.monitors.feed(text, (err) => this.dbg.log(1, `monitor callback failed: ${String(err)}`));
    if (this.dataListeners.size > 0) {
      for (const fn of [...this.dataListeners]) {
        try {
          fn(text);
        } catch (err) {
          this.dbg.log(1, `dataReceived listener failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }
    this.engine.push(text);
  }

  private onTransportClose(error: NetxError | undefined): void {
    if (this.state === 'closed') return;
    const rest = this.codec.flush();
    if (rest.length > 0) this.onText(rest);
    const held = this.redactor.flush();
    this.log.write(held);
    this.dbg.log(1, error ? `connection ended: ${error.message}` : 'connection closed');
    this.markClosed();
    this.engine.end(error);
    this.log.close();
    const waiters = this.closedWaiters;
    this.closedWaiters = [];
    for (const w of waiters) w();
  }

  private markClosed(): void {
    this.state = 'closed';
  }

  private feedBanner(): void {
    const banner = this.transport.getBanner();
    if (banner && banner !== this.bannerFed) {
      this.bannerFed = banner;
      this.guesser.bannerInfo(banner);
      this.updateGuess();
    }
  }

  private updateGuess(): void {
    this.guessStale = false;
    this.guessCertain = this.guesser.isCertain();
    const name = this.guesser.best();
    const driver = this.registry.get(name) ?? generic;
    if (driver === this.guessedDriver) return;
    this.guessedDriver = driver;
    if (!this.fixedDriver) this.dbg.log(2, `driver guessed: ${driver.name}`);
  }

  private setUser(key: keyof UserPatterns, p: Pattern | Pattern[] | null | undefined): void {
    if (p === undefined || p === null) delete this.user[key];
    else this.user[key] = toRegExps(p);
  }

  private assertConnected(op: string): void {
    if (this.state === 'idle') {
      throw new StateError(`${op}() before connect(); await connect(host) first.`);
    }
  }

  private assertOpen(op: string): void {
    if (this.state === 'open' || this.state === 'connecting') return;
    if (this.state === 'idle') throw new StateError(`${op}() before connect(); await connect(host) first.`);
    throw new ConnectionError('closed', `${op}() after the connection${this.host ? ` to ${this.host}` : ''} was closed; connect again with a new Protocol.`, {
      ...(this.host ? { host: this.host } : {}),
    });
  }
}

function toMatchResult(r: WaitResult): MatchResult {
  return { index: r.index, match: r.match, response: r.response };
}

function nonEmptyPatterns(op: string, pattern: Pattern | Pattern[]): RegExp[] {
  const list = toRegExps(pattern);
  if (list.length === 0) throw new TypeError(`${op}(): give at least one pattern.`);
  return list;
}

/** `list` plus `extra` unless it is there; the same array for the same inputs (callers cache by identity). */
function withGeneric(list: readonly RegExp[], extra: RegExp): readonly RegExp[] {
  let byExtra = withGenericCache.get(list);
  if (!byExtra) withGenericCache.set(list, (byExtra = new Map()));
  let out = byExtra.get(extra);
  if (!out) {
    out = list.some((re) => re.source === extra.source && re.flags === extra.flags) ? list : [...list, extra];
    byExtra.set(extra, out);
  }
  return out;
}
const withGenericCache = new WeakMap<readonly RegExp[], Map<RegExp, readonly RegExp[]>>();

function checkMs(name: string, ms: number): number {
  if (typeof ms !== 'number' || Number.isNaN(ms) || ms < 0) throw new RangeError(`${name} must be a number of milliseconds >= 0 (0 = no limit).`);
  return ms;
}

function positiveInt(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer.`);
  return n;
}

function failEvent(event: string): never {
  throw new TypeError(`Unknown event ${JSON.stringify(event)}; use 'dataReceived' or 'otpRequested'.`);
}

export type { DebugLevel };

// Protocol: the connection users program against (Exscript's Protocol, re-imagined).
// A thin front: each job has its own object (docs/decisions/0003-core-shape.md):
//   Link           lifecycle, the transport session, how a session ends
//   Inbound        every received chunk: decode → redact/log → guesser → monitors → engine
//   DriverContext  the current driver (fixed or guessed) and the pattern sets
//   Conversation   writes and waits under the connection's limits (WaitEngine inside)
//   LoginFlow      the login steps and the authenticated/authorized flags
//   Cancellation   AbortSignals of each step and of the session
import type { Account } from '../account.js';
import type { NetxError, OutputError } from '../errors.js';
import { systemClock, type Clock } from '../ports/clock.js';
import type { Driver, DriverConnection, MatchResult, Pattern } from '../ports/driver.js';
import type { DebugLevel } from '../ports/transport.js';
import { Cancellation } from './cancel.js';
import { commandStream, type CommandStream } from './command-stream.js';
import { Conversation, nonEmptyPatterns } from './conversation.js';
import { Credentials, type OtpListener } from './credentials.js';
import { createCodec, type TextCodec } from './decoder.js';
import { DriverContext } from './driver-context.js';
import { driverSet } from './driver-set.js';
import { Inbound, type DataListener } from './inbound.js';
import { interactHost, runInteract, type InteractIo } from './interact.js';
import { Link } from './link.js';
import { LoginFlow, type AppLoginCallOptions, type LoginCallOptions } from './login-flow.js';
import { ConversationLog, DebugLog, SecretRedactor } from './logging.js';
import { Monitors } from './monitors.js';
import { DEFAULTS, type PromptWaitOptions, type ProtocolOptions, type StepOptions, type WaitOptions } from './options.js';
import { checkMs, resolveSettings } from './settings.js';
import { WaitEngine } from './wait-engine.js';
import { runtime } from '#runtime';

export type { DataListener, OtpListener, AppLoginCallOptions, LoginCallOptions, CommandStream };
/** @deprecated The options of login()/authenticate(); use LoginCallOptions. */
export type LoginOptions = LoginCallOptions;
export type MonitorListener = (conn: Protocol, index: number, match: RegExpExecArray) => void;

export class Protocol implements DriverConnection {
  private readonly link: Link;
  private readonly inbound: Inbound;
  private readonly drivers: DriverContext;
  private readonly conv: Conversation;
  private readonly auth: LoginFlow;
  private readonly cancel: Cancellation;
  private readonly codec: TextCodec;
  private readonly monitors = new Monitors();
  private readonly otpListeners = new Set<OtpListener>();
  private readonly log: ConversationLog;
  private readonly dbg: DebugLog;
  private connectTimeout: number;

  constructor(options: ProtocolOptions) {
    if (!options || typeof options.transport !== 'object' || options.transport === null) {
      throw new TypeError('Protocol: options.transport is required (an adapter instance such as new SshTransport()).');
    }
    const s = resolveSettings(options);
    const clock: Clock = options.clock ?? systemClock;
    const redactor = new SecretRedactor();
    this.connectTimeout = s.connectTimeout;
    this.codec = createCodec(s.encoding);
    const failed = (err: OutputError) => this.outputFailed(err);
    const logSink = options.logSink ?? (options.logfile !== undefined ? runtime.fileLogSink(options.logfile) : undefined);
    this.log = new ConversationLog(options.stdout, logSink, (text) => this.codec.encode(text), failed);
    const sink = options.stderr ?? runtime.stderrLine;
    this.dbg = new DebugLog(s.debug, sink, redactor, () => `netx ${this.link.host ?? '-'}`, failed);
    const debug = (level: DebugLevel, message: string) => this.dbg.log(level, message);
    this.drivers = new DriverContext(driverSet(options.drivers), debug);
    this.link = new Link(options.transport, clock, s, this.dbg, {
      received: (bytes) => this.inbound.bytes(bytes),
      draining: () => this.inbound.end(),
      closed: (error, local) => this.ended(error, local),
    }, options.signal);
    this.cancel = new Cancellation(this.link);
    const engine = new WaitEngine({
      clock,
      maxBufferSize: s.maxBufferSize,
      maxPages: s.maxPages,
      host: () => this.link.host,
      sendRaw: (text) => this.conv.write(text),
      onMatch: (response) => {
        this.conv.response = response;
      },
      redact: (text) => redactor.redact(text),
      debug,
      debugEnabled: (level) => this.dbg.enabled(level),
    });
    this.conv = new Conversation(engine, { timeout: s.timeout, deadline: s.deadline, settle: s.settleTime }, this.link, this.codec, this.drivers, redactor, this.dbg);
    this.inbound = new Inbound(this.codec, redactor, this.log, this.dbg, this.drivers, this.monitors, engine);
    const credentials = new Credentials(redactor, options.accountFactory, this.otpListeners, () => this.link.host, debug);
    this.auth = new LoginFlow(this.link, this.conv, this.drivers, credentials, clock, this.dbg, s.maxLoginAttempts);
    if (options.driver !== undefined) this.drivers.setDriver(options.driver);
  }

  // ---------------------------------------------------------------- events

  on(event: 'dataReceived', fn: DataListener): () => void;
  on(event: 'otpRequested', fn: OtpListener): () => void;
  on(event: 'dataReceived' | 'otpRequested', fn: DataListener | OtpListener): () => void {
    if (typeof fn !== 'function') throw new TypeError(`on('${event}'): the listener must be a function.`);
    const set: Set<unknown> = event === 'dataReceived' ? this.inbound.dataListeners : event === 'otpRequested' ? this.otpListeners : failEvent(event);
    set.add(fn);
    return () => {
      set.delete(fn);
    };
  }

  // ---------------------------------------------------------------- connection

  connect(host: string, port?: number, opts: StepOptions = {}): Promise<void> {
    return this.cancel.run('connect', opts.signal, async () => {
      // A log that cannot be written fails here, before the device is reached. Without one
      // the transport starts in this same turn (an abort right after connect() finds it opening).
      if (this.log.needsOpen) await this.log.open();
      await this.link.connect(host, port, this.connectTimeout);
      const version = this.link.transport.getRemoteVersion();
      this.drivers.connected(version, this.link.transport.getBanner());
      this.dbg.log(1, `connected${version ? ` (${version})` : ''}`);
    });
  }

  /** Closes the session; resolves once the transport is closed and the log written. */
  async close(force = false): Promise<void> {
    await this.link.close(force);
    await this.log.close();
    const unreported = this.conv.engine.takeReported(); // an output failure no wait reported yet
    if (unreported) throw unreported;
  }

  getBanner(): string | undefined {
    return this.link.transport.getBanner();
  }
  getRemoteVersion(): string | undefined {
    return this.link.transport.getRemoteVersion();
  }
  getHost(): string | undefined {
    return this.link.host;
  }
  isDummy(): boolean {
    return this.link.transport.isDummy();
  }

  // ---------------------------------------------------------------- sending and waiting

  async send(data: string): Promise<void> {
    this.auth.noteSent();
    await this.conv.write(data);
  }

  execute(command: string, opts: PromptWaitOptions = {}): Promise<MatchResult> {
    if (typeof command !== 'string') return Promise.reject(new TypeError('execute(command): command must be a string.'));
    return this.step('execute', opts.signal, () => this.conv.execute(command, opts));
  }

  /**
   * Runs `command` and hands its output out as it arrives: `for await (const chunk of
   * conn.stream('show tech')) ...`, then `await s.result` for the prompt's match. The
   * same as execute(command, { onData }) (the echo line first, pagers answered and left
   * out, no prompt, command errors checked line by line), as an async iterable.
   */
  stream(command: string, opts: Omit<PromptWaitOptions, 'onData'> = {}): CommandStream {
    return commandStream((onData) => this.execute(command, { ...opts, onData }));
  }

  waitFor(pattern: Pattern | Pattern[], opts: WaitOptions = {}): Promise<MatchResult> {
    return this.step('waitFor', opts.signal, () => this.conv.patternWait('waitFor', pattern, false, opts));
  }

  expect(pattern: Pattern | Pattern[], opts: WaitOptions = {}): Promise<MatchResult> {
    return this.step('expect', opts.signal, () => this.conv.patternWait('expect', pattern, true, opts));
  }

  expectPrompt(opts: PromptWaitOptions = {}): Promise<MatchResult> {
    return this.step('expectPrompt', opts.signal, () => this.conv.promptWait('expectPrompt', opts));
  }

  cancelExpect(): void {
    if (this.conv.engine.cancel()) this.dbg.log(3, 'pending wait cancelled');
  }

  addMonitor(pattern: Pattern | Pattern[], callback: MonitorListener, limit: number = DEFAULTS.monitorLimit): () => void {
    const patterns = nonEmptyPatterns('addMonitor', pattern);
    if (typeof callback !== 'function') throw new TypeError('addMonitor: callback must be a function.');
    return this.monitors.add(patterns, (index, match) => callback(this, index, match), limit);
  }

  get response(): string | undefined {
    return this.conv.response;
  }

  /** The text received and not consumed yet (netx addition, for tests and tools). */
  getBuffer(): string {
    return this.conv.engine.buffer.text();
  }

  // ---------------------------------------------------------------- drivers and patterns

  autoInit(opts: StepOptions = {}): Promise<void> {
    return this.cancel.run('autoInit', opts.signal, () => this.getDriver().autoInit(this));
  }
  guessOs(): string {
    return this.drivers.guessOs();
  }
  setDriver(driver?: Driver | string | null): void {
    this.drivers.setDriver(driver);
  }
  getDriver(): Driver {
    return this.drivers.current();
  }
  setPrompt(p?: Pattern | Pattern[] | null): void {
    this.drivers.setPatterns('prompt', p);
  }
  /** The prompts waits accept now (the driver's, plus the generic prompt while a guess is uncertain). */
  getPrompt(): RegExp[] {
    return [...this.drivers.prompts()];
  }
  setErrorPrompt(p?: Pattern | Pattern[] | null): void {
    this.drivers.setPatterns('error', p);
  }
  getErrorPrompt(): RegExp[] {
    return [...this.drivers.patterns('error')];
  }
  setLoginErrorPrompt(p?: Pattern | Pattern[] | null): void {
    this.drivers.setPatterns('loginError', p);
  }
  getLoginErrorPrompt(): RegExp[] {
    return [...this.drivers.patterns('loginError')];
  }
  setUsernamePrompt(p?: Pattern | Pattern[] | null): void {
    this.drivers.setPatterns('username', p);
  }
  getUsernamePrompt(): RegExp[] {
    return [...this.drivers.patterns('username')];
  }
  setPasswordPrompt(p?: Pattern | Pattern[] | null): void {
    this.drivers.setPatterns('password', p);
  }
  getPasswordPrompt(): RegExp[] {
    return [...this.drivers.patterns('password')];
  }

  setTimeout(ms: number): void {
    this.conv.limits.timeout = checkMs('timeout', ms);
  }
  getTimeout(): number {
    return this.conv.limits.timeout;
  }
  setConnectTimeout(ms: number): void {
    this.connectTimeout = checkMs('connectTimeout', ms);
  }
  getConnectTimeout(): number {
    return this.connectTimeout;
  }
  setDeadline(ms: number): void {
    this.conv.limits.deadline = checkMs('deadline', ms);
  }
  getDeadline(): number {
    return this.conv.limits.deadline;
  }

  // ---------------------------------------------------------------- login

  login(account?: Account, opts: LoginCallOptions = {}): Promise<void> {
    return this.cancel.run('login', opts.signal, () => this.auth.login(this, account, opts));
  }
  authenticate(account?: Account, opts: LoginCallOptions = {}): Promise<void> {
    return this.cancel.run('authenticate', opts.signal, () => this.auth.authenticate(account, opts));
  }
  protocolAuthenticate(account?: Account, opts: StepOptions = {}): Promise<void> {
    return this.cancel.run('protocolAuthenticate', opts.signal, () => this.auth.protocolAuthenticate(account));
  }
  appAuthenticate(account?: Account, opts: AppLoginCallOptions = {}): Promise<void> {
    return this.cancel.run('appAuthenticate', opts.signal, () => this.auth.appAuthenticate(account, opts));
  }
  appAuthorize(account?: Account, opts: AppLoginCallOptions = {}): Promise<void> {
    return this.cancel.run('appAuthorize', opts.signal, () => this.auth.appAuthorize(account, opts));
  }
  autoAppAuthorize(account?: Account, opts: AppLoginCallOptions = {}): Promise<void> {
    return this.cancel.run('autoAppAuthorize', opts.signal, () => this.auth.autoAppAuthorize(this, account, opts));
  }
  isProtocolAuthenticated(): boolean {
    return this.auth.protoAuthenticated;
  }
  isAppAuthenticated(): boolean {
    return this.auth.appAuthenticated;
  }
  isAppAuthorized(): boolean {
    return this.auth.appAuthorized;
  }

  // ---------------------------------------------------------------- interact

  async interact(io: InteractIo<Protocol>): Promise<void> {
    this.link.assertOpen('interact');
    const pending = () => this.codec.encode(this.getBuffer());
    await runInteract(interactHost(this.link, this.inbound.rawTaps, pending, () => this.auth.noteSent(), this.dbg), io, this);
  }

  // ---------------------------------------------------------------- internals

  /** Waits and execute() skip the cancellation wrapper when no signal is involved (the round-trip path). */
  private step<T>(op: string, signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
    return this.cancel.watched(signal) ? this.cancel.run(op, signal, run) : run();
  }

  /** The session ended: the engine fails what waits, the log is written out and closed. */
  private ended(error: NetxError | undefined, local: ((op: string) => NetxError) | undefined): void {
    this.conv.engine.end(error, local);
    void this.log.close();
  }

  /** An output failed (it is off now): one error for the session, reported by the next wait or by close(). */
  private outputFailed(err: OutputError): void {
    this.dbg.log(1, err.message);
    this.conv?.engine.report(err);
  }
}

function failEvent(event: string): never {
  throw new TypeError(`Unknown event ${JSON.stringify(event)}; use 'dataReceived' or 'otpRequested'.`);
}

export type { DebugLevel };

// The login steps and what they leave behind: login() = authenticate() +
// autoAppAuthorize(); authenticate() = protocol-level login (where the transport
// has one) + the app-level loop (login.ts); authorization through the driver. The
// three "done" flags live here. A step whose flag is set returns at once, unless
// the caller sent something since (send(): `enable`, `telnet next-hop`), which may
// have started a new dialogue; waiting for a dialogue that cannot come would only
// end in a timeout.
import type { Account } from '../account.js';
import type { Clock } from '../ports/clock.js';
import type { Driver, DriverConnection } from '../ports/driver.js';
import { hasProtocolAuth } from '../ports/transport.js';
import type { Conversation } from './conversation.js';
import type { Credentials } from './credentials.js';
import type { DriverContext } from './driver-context.js';
import type { Link } from './link.js';
import { appLogin, atPrompt, type AppLoginDeps, type LoginKind } from './login.js';
import type { DebugLog } from './logging.js';
import type { StepOptions } from './options.js';

/** Options of login() and authenticate(). */
export interface LoginCallOptions extends StepOptions {
  appAccount?: Account;
  flush?: boolean;
}

/** Options of appAuthenticate(), appAuthorize() and autoAppAuthorize(). */
export interface AppLoginCallOptions extends StepOptions {
  flush?: boolean;
  bailout?: boolean;
}

export class LoginFlow {
  protoAuthenticated = false;
  appAuthenticated = false;
  appAuthorized = false;
  /** The caller sent text (send(), interact) since the last login step finished. */
  private sentSince = false;
  private readonly deps: AppLoginDeps;

  constructor(
    private readonly link: Link,
    private readonly conv: Conversation,
    private readonly drivers: DriverContext,
    private readonly credentials: Credentials,
    private readonly clock: Clock,
    private readonly dbg: DebugLog,
    maxLoginAttempts: number,
  ) {
    this.deps = {
      channel: conv,
      patterns: drivers,
      otp: credentials,
      maxLoginAttempts,
      host: () => link.host,
      debug: (level, message) => dbg.log(level, message),
      // What the device asked and where it stopped revise the OS guess (login only; enable asks the same device).
      observe: (kind, what, text, after) => {
        if (kind !== 'authenticate') return;
        if (what === 'prompt') drivers.loginPrompt(text);
        else drivers.loginQuestion(what, text, after);
      },
    };
  }

  /** The caller wrote to the device: a done step may have a new dialogue now. */
  noteSent(): void {
    this.sentSince = true;
  }

  async login(conn: DriverConnection, account: Account | undefined, opts: LoginCallOptions): Promise<void> {
    const acct = await this.credentials.resolve(account);
    const app = opts.appAccount ?? acct;
    this.credentials.remember(app);
    const flush = opts.flush ?? true;
    if (this.protoAuthenticated && this.isDone('authenticate') && this.isDone('authorize')) {
      this.link.assertConnected('login');
      this.dbg.log(2, 'login: already logged in and authorized, nothing sent since; nothing to do');
      atPrompt(this.deps, flush);
      return;
    }
    this.dbg.log(2, `login as "${acct.name}"${opts.appAccount ? ` (app-level "${app.name}")` : ''}`);
    await this.authenticate(acct, { appAccount: app, flush: false });
    const driver = this.drivers.current();
    if (driver.supportsAutoAuthorize()) {
      await this.conv.eatPrompt();
      await this.authorizeWith(conn, driver, app, { flush, bailout: false });
    } else {
      this.appAuthorized = true;
      if (flush) await this.conv.eatPrompt();
    }
  }

  async authenticate(account: Account | undefined, opts: LoginCallOptions): Promise<void> {
    const acct = await this.credentials.resolve(account);
    if (!this.protoAuthenticated) await this.protocolAuthenticate(acct);
    await this.appAuthenticate(opts.appAccount ?? acct, { flush: opts.flush ?? true });
  }

  async protocolAuthenticate(account: Account | undefined): Promise<void> {
    const acct = await this.credentials.resolve(account);
    this.link.assertOpen('protocolAuthenticate');
    const transport = this.link.transport;
    if (!hasProtocolAuth(transport)) {
      this.dbg.log(2, `${transport.kind} has no protocol-level login`);
      this.protoAuthenticated = true;
      return;
    }
    this.dbg.log(2, `protocol-level login as "${acct.name}"`);
    await transport.protocolAuthenticate(acct, {
      clock: this.clock,
      debug: (level, message) => this.dbg.log(level, message),
      requestOtp: (prompt) => this.credentials.otpForPrompt(acct, prompt),
    });
    this.protoAuthenticated = true;
    this.drivers.banner(transport.getBanner());
  }

  async appAuthenticate(account: Account | undefined, opts: AppLoginCallOptions): Promise<void> {
    const acct = await this.credentials.resolve(account);
    if ((await this.appLoginStep(acct, 'authenticate', opts)) === 'prompt') {
      this.appAuthenticated = true;
      this.drivers.endHead();
    }
  }

  async appAuthorize(account: Account | undefined, opts: AppLoginCallOptions): Promise<void> {
    const acct = await this.credentials.resolve(account);
    if ((await this.appLoginStep(acct, 'authorize', opts)) === 'prompt') this.appAuthorized = true;
  }

  async autoAppAuthorize(conn: DriverConnection, account: Account | undefined, opts: AppLoginCallOptions): Promise<void> {
    const acct = await this.credentials.resolve(account);
    if (this.isDone('authorize')) {
      this.link.assertConnected('autoAppAuthorize');
      this.dbg.log(2, 'authorization: already authorized, nothing sent since; nothing to do');
      return;
    }
    await this.authorizeWith(conn, this.drivers.current(), acct, { flush: opts.flush ?? true, bailout: opts.bailout ?? false });
  }

  private async appLoginStep(account: Account, kind: LoginKind, opts: AppLoginCallOptions): Promise<'prompt' | 'bailout'> {
    this.link.assertConnected(kind === 'authorize' ? 'appAuthorize' : 'appAuthenticate');
    this.credentials.remember(account);
    const flush = opts.flush ?? true;
    if (this.isDone(kind)) {
      this.dbg.log(2, `${kind === 'authorize' ? 'authorization' : 'login'}: done already, nothing sent since; nothing to answer`);
      atPrompt(this.deps, flush);
      return 'prompt';
    }
    if (kind === 'authenticate') this.drivers.loginStarts();
    const how = await appLogin(this.deps, account, kind, { flush, bailout: opts.bailout ?? false });
    if (how === 'prompt') this.sentSince = false;
    return how;
  }

  private isDone(kind: LoginKind): boolean {
    return !this.sentSince && (kind === 'authorize' ? this.appAuthorized : this.appAuthenticated);
  }

  private async authorizeWith(conn: DriverConnection, driver: Driver, account: Account, opts: { flush: boolean; bailout: boolean }): Promise<void> {
    if (driver.supportsAutoAuthorize()) {
      this.dbg.log(2, `authorization by driver ${driver.name}`);
      await driver.autoAuthorize(conn, account, opts);
    } else {
      this.dbg.log(2, `driver ${driver.name} has no authorization step`);
    }
    this.appAuthorized = true;
    this.sentSince = false;
  }
}

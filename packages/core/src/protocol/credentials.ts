// Where accounts and one-time passwords come from: the account given, the last one
// used, the AccountFactory; OTP answers from otpRequested listeners, the S/Key
// computation or the factory. Every secret seen is registered with the redactor.
import type { Account, AccountFactory } from '../account.js';
import { LoginFailure, StateError } from '../errors.js';
import { otp as skeyOtp, SKEY_CHALLENGE } from '../otp/skey.js';
import type { DebugLevel } from '../ports/transport.js';
import type { SecretRedactor } from './logging.js';

/** May return the one-time password (or a promise of it) to answer the challenge itself. */
export type OtpListener = (account: Account, seq: number, seed: string) => void | string | Promise<string | void>;

export class Credentials {
  private last: Account | undefined;

  constructor(
    private readonly redactor: SecretRedactor,
    private readonly factory: AccountFactory | undefined,
    private readonly otpListeners: ReadonlySet<OtpListener>,
    private readonly host: () => string | undefined,
    private readonly debug: (level: DebugLevel, message: string) => void,
  ) {}

  /** The account given, else the last one used, else one from the factory. */
  async resolve(account: Account | undefined): Promise<Account> {
    let acct = account ?? this.last;
    if (!acct && this.factory) acct = await this.factory.create({ ...this.hostField(), purpose: 'login' });
    if (!acct) throw new StateError('No account: pass an Account to login()/authenticate(), or give the Protocol an accountFactory.');
    this.last = acct;
    this.remember(acct);
    return acct;
  }

  /** Secrets of an account never reach logs, stdout or debug lines. */
  remember(account: Account): void {
    this.redactor.add(account.password);
    this.redactor.add(account.authorizationPassword);
    this.redactor.add(account.key?.passphrase);
  }

  /** Answers an S/Key challenge: a listener's answer, else otp(password), else the factory. */
  async answerOtp(account: Account, seq: number, seed: string, password: string | undefined): Promise<string> {
    this.debug(2, `one-time password challenge (sequence ${seq}, seed ${seed})`);
    let answer: string | undefined;
    for (const fn of [...this.otpListeners]) {
      try {
        const r = await fn(account, seq, seed);
        if (answer === undefined && typeof r === 'string') answer = r;
      } catch (err) {
        this.debug(1, `otpRequested listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (answer === undefined && password !== undefined) answer = skeyOtp(password, seed, seq);
    answer ??= await this.otpFromFactory();
    this.redactor.add(answer);
    return answer;
  }

  /** ProtocolAuthContext.requestOtp: an S/Key challenge in the prompt, else the account factory. */
  async otpForPrompt(account: Account, prompt: string): Promise<string> {
    const m = SKEY_CHALLENGE.exec(prompt);
    if (m) return this.answerOtp(account, Number(m[1]), m[2]!, account.password);
    return this.otpFromFactory();
  }

  private async otpFromFactory(): Promise<string> {
    const code = this.factory ? (await this.factory.create({ ...this.hostField(), purpose: 'otp' })).password : undefined;
    if (code === undefined) {
      throw new LoginFailure(
        `${this.host() ?? 'The device'} asked for a one-time password; answer it from an otpRequested listener or an accountFactory that handles purpose 'otp'.`,
        this.hostField(),
      );
    }
    this.redactor.add(code);
    return code;
  }

  private hostField(): { host?: string } {
    const host = this.host();
    return host ? { host } : {};
  }
}

// The app-level login loop (Exscript's _app_authenticate, bounded and stricter):
// one wait over [login error, username, S/Key challenge, password, prompt], in that
// priority, answering until the first CLI prompt. Login errors count only in text
// that arrived after credentials were sent; at login they fail only if the device
// then asks again or hangs up: a MOTD line like "3 failed login attempts" before a
// prompt is not one. After an authorization password any login error fails.
import type { Account } from '../account.js';
import { ConnectionError, LoginFailure, TimeoutError, isNetxError } from '../errors.js';
import type { PagerRule } from '../ports/driver.js';
import type { DebugLevel } from '../ports/transport.js';
import { SKEY_CHALLENGE } from '../otp/skey.js';
import type { SearchPattern } from './matcher.js';
import type { ResolvedPatterns, WaitResult } from './wait-engine.js';

export interface LoginPatterns {
  loginError: readonly RegExp[];
  username: readonly RegExp[];
  password: readonly RegExp[];
  prompt: readonly RegExp[];
}

/** The conversation as the login loop uses it (the Protocol's Conversation). */
export interface LoginChannel {
  /** Absolute offset just after the last character received: text after it came after what is sent next. */
  readonly receivedTo: number;
  /** Tries patterns on what is buffered now, without waiting. */
  peek(resolved: ResolvedPatterns): WaitResult | undefined;
  /** Drops the buffer up to absolute offset `to`. */
  consume(to: number): void;
  /** Received text (at most a KiB, from a line start) ending at absolute offset `end`. */
  textBefore(end: number): string;
  /** One wait under the connection's limits. */
  wait(op: string, consume: boolean, resolve: () => ResolvedPatterns): Promise<WaitResult>;
  send(text: string): Promise<void>;
  /** Sends text that must never show in logs (it is also masked in the device's echo). */
  sendSecret(text: string): Promise<void>;
}

/** The patterns of the current driver and the caller's overrides (the Protocol's DriverContext). */
export interface LoginPatternSource {
  loginPatterns(): LoginPatterns;
  searchClean(): ((text: string) => string) | undefined;
  pagers(): readonly PagerRule[];
}

/** Answers one-time-password challenges (the Protocol's Credentials). */
export interface OtpSource {
  answerOtp(account: Account, seq: number, seed: string, password: string | undefined): Promise<string>;
}

export interface AppLoginDeps {
  readonly channel: LoginChannel;
  readonly patterns: LoginPatternSource;
  readonly otp: OtpSource;
  readonly maxLoginAttempts: number;
  host(): string | undefined;
  debug(level: DebugLevel, message: string): void;
  /** Told each question answered and the prompt reached, with the text ending at it and what came after (OS guessing). */
  observe?(kind: LoginKind, what: 'username' | 'password' | 'prompt', text: string, after: number): void;
}

export type LoginKind = 'authenticate' | 'authorize';

export interface AppLoginOptions {
  flush: boolean;
  bailout: boolean;
}

type Tag = 'loginError' | 'username' | 'otp' | 'password' | 'prompt';

/** Answers login questions until a prompt; returns how it ended. */
export async function appLogin(h: AppLoginDeps, account: Account, kind: LoginKind, opts: AppLoginOptions): Promise<'prompt' | 'bailout'> {
  const { channel, patterns } = h;
  const password = kind === 'authorize' ? account.authorizationPassword : account.password;
  const what = kind === 'authorize' ? 'authorization' : 'login';
  const where = h.host() ?? 'the device';

  const seen = (fact: 'username' | 'password' | 'prompt', end: number) => h.observe?.(kind, fact, channel.textBefore(end), channel.receivedTo - end);

  // Already at a prompt (no app-level login, or it was done before): nothing to answer.
  if (atPrompt(h, opts.flush, (end) => seen('prompt', end))) {
    h.debug(2, `${what}: the buffer already ends in a prompt`);
    return 'prompt';
  }

  let sentAt = -1;
  let errorAfter = -1;
  let errorText: string | undefined;
  const asked = { username: 0, password: 0 };
  const refused = (detail: string) =>
    new LoginFailure(`${where} refused the ${what} for "${account.name}": ${detail}. Check the account's credentials.`, { ...(h.host() ? { host: h.host()! } : {}) });
  const countAsk = (key: 'username' | 'password') => {
    if (errorText !== undefined) throw refused(JSON.stringify(errorText));
    asked[key]++;
    if (asked[key] > h.maxLoginAttempts) {
      throw refused(`it asked for the ${key === 'username' ? 'user name' : 'password'} ${asked[key]} times (maxLoginAttempts ${h.maxLoginAttempts})`);
    }
  };
  const sendCredential = async (text: string, secret: boolean) => {
    sentAt = channel.receivedTo;
    errorAfter = -1;
    if (secret) await channel.sendSecret(`${text}\r`);
    else await channel.send(`${text}\r`);
  };

  const rounds = 8 * h.maxLoginAttempts + 64;
  for (let round = 0; round < rounds; round++) {
    let found;
    try {
      found = await channel.wait(kind === 'authorize' ? 'appAuthorize' : 'appAuthenticate', false, () => {
        const p = patterns.loginPatterns();
        const from = Math.max(sentAt, errorAfter);
        const list: SearchPattern[] = [
          ...p.loginError.map((re) => ({ re, tag: 'loginError', from, disabled: sentAt < 0 })),
          ...p.username.map((re) => ({ re, tag: 'username' })),
          { re: SKEY_CHALLENGE, tag: 'otp' },
          ...p.password.map((re) => ({ re, tag: 'password' })),
          ...p.prompt.map((re) => ({ re, tag: 'prompt' })),
        ];
        return { patterns: list, clean: patterns.searchClean(), pagers: patterns.pagers() };
      });
    } catch (err) {
      if (errorText !== undefined && (isNetxError(err) && (err instanceof TimeoutError || err instanceof ConnectionError))) {
        throw refused(JSON.stringify(errorText));
      }
      if (sentAt >= 0 && err instanceof ConnectionError) {
        throw new LoginFailure(`${where} closed the connection after the credentials of "${account.name}" were sent; they were probably refused.`, {
          ...(h.host() ? { host: h.host()! } : {}),
          cause: err,
        });
      }
      throw err;
    }
    const tag = found.pattern.tag as Tag;
    h.debug(2, `${what}: saw ${tag}`);
    switch (tag) {
      case 'loginError':
        // Authorization has no MOTD: an error after password2 is a refusal.
        if (kind === 'authorize') throw refused(JSON.stringify(found.match[0].trim()));
        // Login: decided when the device asks again (failure) or shows a prompt (a MOTD).
        errorText = found.match[0].trim();
        errorAfter = found.end;
        break;
      case 'username':
        countAsk('username');
        seen('username', found.end);
        channel.consume(found.end);
        await sendCredential(account.name, false);
        break;
      case 'otp': {
        channel.consume(found.end);
        const seq = Number(found.match[1]);
        const seed = found.match[2]!;
        const answer = await h.otp.answerOtp(account, seq, seed, password);
        await channel.wait('appAuthenticate (one-time password)', true, () => ({
          patterns: patterns.loginPatterns().password.map((re) => ({ re })),
          clean: patterns.searchClean(),
        }));
        countAsk('password');
        await sendCredential(answer, true);
        if (opts.bailout) return 'bailout';
        break;
      }
      case 'password':
        countAsk('password');
        if (password === undefined) throw refused(`it asks for a password and the account has none`);
        seen('password', found.end);
        channel.consume(found.end);
        await sendCredential(password, true);
        if (opts.bailout) return 'bailout';
        break;
      case 'prompt':
        seen('prompt', found.end);
        if (opts.flush) channel.consume(found.end);
        return 'prompt';
    }
  }
  throw refused(`no prompt after ${rounds} exchanges`);
}

/** True (and the prompt consumed when `flush`) when the buffer already ends in a prompt: nothing to answer. */
export function atPrompt(h: Pick<AppLoginDeps, 'channel' | 'patterns'>, flush: boolean, seen?: (end: number) => void): boolean {
  const now = h.channel.peek({ patterns: h.patterns.loginPatterns().prompt.map((re) => ({ re })), clean: h.patterns.searchClean() });
  if (now) seen?.(now.end);
  if (now && flush) h.channel.consume(now.end);
  return now !== undefined;
}

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
import type { WaitEngine } from './wait-engine.js';

export interface LoginPatterns {
  loginError: readonly RegExp[];
  username: readonly RegExp[];
  password: readonly RegExp[];
  prompt: readonly RegExp[];
}

/** What the login loop needs from the Protocol. */
export interface LoginHost {
  readonly engine: WaitEngine;
  readonly maxLoginAttempts: number;
  host(): string | undefined;
  loginPatterns(): LoginPatterns;
  clean(): ((text: string) => string) | undefined;
  pagers(): readonly PagerRule[];
  send(text: string): Promise<void>;
  /** Sends text that must never show in logs (it is also masked in the device's echo). */
  sendSecret(text: string): Promise<void>;
  answerOtp(account: Account, seq: number, seed: string, password: string | undefined): Promise<string>;
  waitLimits(): { timeout: number; deadline: number; settle: number };
  debug(level: DebugLevel, message: string): void;
}

export type LoginKind = 'authenticate' | 'authorize';

export interface AppLoginOptions {
  flush: boolean;
  bailout: boolean;
}

type Tag = 'loginError' | 'username' | 'otp' | 'password' | 'prompt';

/** Answers login questions until a prompt; returns how it ended. */
export async function appLogin(h: LoginHost, account: Account, kind: LoginKind, opts: AppLoginOptions): Promise<'prompt' | 'bailout'> {
  const { engine } = h;
  const password = kind === 'authorize' ? account.authorizationPassword : account.password;
  const what = kind === 'authorize' ? 'authorization' : 'login';
  const where = h.host() ?? 'the device';
  const promptOnly = () => ({ patterns: h.loginPatterns().prompt.map((re) => ({ re, tag: 'prompt' })), clean: h.clean() });

  // Already at a prompt (no app-level login, or it was done before): nothing to answer.
  const now = engine.peek(promptOnly());
  if (now) {
    h.debug(2, `${what}: the buffer already ends in a prompt`);
    if (opts.flush) engine.consume(now.end);
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
    sentAt = engine.buffer.end;
    errorAfter = -1;
    if (secret) await h.sendSecret(`${text}\r`);
    else await h.send(`${text}\r`);
  };

  const rounds = 8 * h.maxLoginAttempts + 64;
  for (let round = 0; round < rounds; round++) {
    let found;
    try {
      found = await engine.wait({
        op: kind === 'authorize' ? 'appAuthorize' : 'appAuthenticate',
        consume: false,
        ...h.waitLimits(),
        resolve: () => {
          const p = h.loginPatterns();
          const from = Math.max(sentAt, errorAfter);
          const list: SearchPattern[] = [
            ...p.loginError.map((re) => ({ re, tag: 'loginError', from, disabled: sentAt < 0 })),
            ...p.username.map((re) => ({ re, tag: 'username' })),
            { re: SKEY_CHALLENGE, tag: 'otp' },
            ...p.password.map((re) => ({ re, tag: 'password' })),
            ...p.prompt.map((re) => ({ re, tag: 'prompt' })),
          ];
          return { patterns: list, clean: h.clean(), pagers: h.pagers() };
        },
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
        engine.consume(found.end);
        await sendCredential(account.name, false);
        break;
      case 'otp': {
        engine.consume(found.end);
        const seq = Number(found.match[1]);
        const seed = found.match[2]!;
        const answer = await h.answerOtp(account, seq, seed, password);
        await engine.wait({
          op: 'appAuthenticate (one-time password)',
          consume: true,
          ...h.waitLimits(),
          resolve: () => ({ patterns: h.loginPatterns().password.map((re) => ({ re })), clean: h.clean() }),
        });
        countAsk('password');
        await sendCredential(answer, true);
        if (opts.bailout) return 'bailout';
        break;
      }
      case 'password':
        countAsk('password');
        if (password === undefined) throw refused(`it asks for a password and the account has none`);
        engine.consume(found.end);
        await sendCredential(password, true);
        if (opts.bailout) return 'bailout';
        break;
      case 'prompt':
        if (opts.flush) engine.consume(found.end);
        return 'prompt';
    }
  }
  throw refused(`no prompt after ${rounds} exchanges`);
}

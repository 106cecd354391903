// Which driver speaks for the connection now, and the pattern sets that follow from
// it: the fixed driver or the guess, the caller's overrides (setPrompt and friends),
// and the prompt lists the waits and the login loop search. Mode handling (enable,
// config modes with their own prompts) belongs here too: it changes which patterns
// count, not how they are searched.
import { generic, GENERIC_PASSWORD_PROMPT, GENERIC_PROMPT, GENERIC_USERNAME_PROMPT } from '../drivers/generic.js';
import type { QuestionKind } from '../guess/dialogue.js';
import { OsGuesser } from '../guess/os-guesser.js';
import { toRegExps, type Driver, type PagerRule, type Pattern } from '../ports/driver.js';
import type { DebugLevel } from '../ports/transport.js';
import type { DriverSet } from './driver-set.js';
import type { LoginPatterns, LoginPatternSource } from './login.js';
import type { ResolvedPatterns } from './wait-engine.js';

export type PatternKind = 'prompt' | 'error' | 'loginError' | 'username' | 'password';

/** Prompts after a login that still revise the guess (the first responses); later ones cost nothing. */
export const PROMPTS_AFTER_LOGIN = 4;

export class DriverContext implements LoginPatternSource {
  private readonly guesser: OsGuesser;
  private fixed: Driver | undefined;
  private guessed: Driver = generic;
  /** Data came since the guess was last read: guessing runs when a driver is needed, not per chunk. */
  private stale = false;
  /** guesser.isCertain() as of the last update (prompt waits read it on every chunk). */
  private certain = false;
  private bannerFed: string | undefined;
  /** The head is closed (a login completed); a new login dialogue reopens it. */
  private headEnded = false;
  /** Prompts after the last login that may still revise the guess. */
  private promptsLeft = 0;
  private readonly user: Partial<Record<PatternKind, RegExp[]>> = {};
  private readonly promptCache: ({ driver: Driver; prompt: readonly RegExp[]; resolved: ResolvedPatterns } | undefined)[] = [];

  constructor(
    private readonly set: DriverSet,
    private readonly debug: (level: DebugLevel, message: string) => void,
  ) {
    this.guesser = new OsGuesser(set.model);
  }

  // ---- what the device said (the inbound pipeline and the connection feed these)

  /** Received text; the guess is brought up to date only when a driver is needed. */
  data(text: string): void {
    this.guesser.data(text);
    this.stale = true;
  }

  /** The connection is up: the transport's greeting (SSH identification string) and banner count. */
  connected(remoteVersion: string | undefined, banner: string | undefined): void {
    if (remoteVersion) this.guesser.protocolInfo(remoteVersion);
    this.banner(banner);
    this.update();
  }

  /** A protocol-level banner (SSH auth banner); fed again only when it changed. */
  banner(text: string | undefined): void {
    if (!text || text === this.bannerFed) return;
    this.bannerFed = text;
    this.guesser.bannerInfo(text);
    this.update();
  }

  /** App-level login is done: only response signals count from now on. */
  endHead(): void {
    this.guesser.endHead();
    this.headEnded = true;
    this.promptsLeft = PROMPTS_AFTER_LOGIN;
    this.stale = true;
  }

  /** An app-level login dialogue starts; after an earlier one completed, the device speaking now may be another. */
  loginStarts(): void {
    if (!this.headEnded) return;
    this.headEnded = false;
    this.promptsLeft = 0;
    this.guesser.reopenHead();
    this.stale = true;
  }

  /** The login loop answered a question; `text` ends with it, `after` characters came since. */
  loginQuestion(kind: QuestionKind, text: string, after: number): void {
    this.guesser.question(kind, text, after);
    this.stale = true;
  }

  /** The login loop stopped at this prompt (`text` ends with it). */
  loginPrompt(text: string): void {
    this.guesser.prompt(text);
    this.stale = true;
  }

  /** True while a prompt wait should hand its prompt to promptSeen() (the first few after a login). */
  wantsPrompt(): boolean {
    return this.promptsLeft > 0;
  }

  /** A prompt wait matched after login (`text` ends with the prompt): it revises the guess, the first few times. */
  promptSeen(text: string): void {
    if (this.promptsLeft <= 0) return;
    this.promptsLeft--;
    this.guesser.prompt(text);
    this.stale = true;
  }

  // ---- the driver

  guessOs(): string {
    this.update();
    return this.guesser.best();
  }

  current(): Driver {
    if (this.fixed) return this.fixed;
    if (this.stale) this.update();
    return this.guessed;
  }

  setDriver(driver: Driver | string | null | undefined): void {
    if (driver === undefined || driver === null) {
      this.fixed = undefined;
      this.update();
      return;
    }
    if (typeof driver === 'string') {
      const found = this.set.registry.get(driver);
      if (!found) throw new TypeError(`Unknown driver ${JSON.stringify(driver)}; known: ${this.set.registry.names().join(', ')}. Pass it in the drivers option.`);
      this.fixed = found;
    } else {
      if (typeof driver !== 'object' || typeof driver.name !== 'string') throw new TypeError('setDriver: expected a Driver, a driver name, or null.');
      this.fixed = driver;
    }
  }

  // ---- pattern sets

  setPatterns(kind: PatternKind, p: Pattern | Pattern[] | null | undefined): void {
    if (p === undefined || p === null) delete this.user[kind];
    else this.user[kind] = toRegExps(p);
  }

  /** The caller's patterns of that kind, else the current driver's. */
  patterns(kind: Exclude<PatternKind, 'prompt'>): readonly RegExp[] {
    const own = this.user[kind];
    if (own) return own;
    const d = this.current();
    if (kind === 'error') return d.errorPrompt;
    if (kind === 'loginError') return d.loginErrorPrompt;
    return kind === 'username' ? d.usernamePrompt : d.passwordPrompt;
  }

  /**
   * The prompts a wait accepts. A guess below CERTAIN_SCORE may be wrong (an OpenSSH
   * "Debian" banner says linux, the CLI behind it prints `r1>`): then the generic
   * prompt counts too, so a wrong guess cannot make login or execute() hang.
   */
  prompts(): readonly RegExp[] {
    return this.promptList(this.current());
  }

  /** Resolved once per driver/prompt/pager combination: the engine asks on every chunk. */
  promptPatterns(withPagers: boolean): ResolvedPatterns {
    const driver = this.current();
    const prompt = this.promptList(driver);
    const slot = withPagers ? 1 : 0;
    const c = this.promptCache[slot];
    if (c && c.driver === driver && c.prompt === prompt) return c.resolved;
    const resolved: ResolvedPatterns = { patterns: prompt.map((re) => ({ re })), clean: driver.cleanSearchText, pagers: withPagers ? driver.pagers : undefined };
    this.promptCache[slot] = { driver, prompt, resolved };
    return resolved;
  }

  loginPatterns(): LoginPatterns {
    const d = this.current();
    const prompt = this.promptList(d);
    return {
      loginError: this.user.loginError ?? d.loginErrorPrompt,
      // The generic questions are always understood: a guessed driver's narrower
      // pattern must not miss the `login:` already on screen.
      username: this.user.username ?? withGeneric(d.usernamePrompt, GENERIC_USERNAME_PROMPT),
      password: this.user.password ?? withGeneric(d.passwordPrompt, GENERIC_PASSWORD_PROMPT),
      // An uncertain guess may name the console server, not the device behind it: the login
      // also ends at the prompt of any known driver (`[local]r1#` fits no generic prompt).
      prompt: this.user.prompt || this.fixed || this.certain ? prompt : [...prompt, ...anyDriverPrompt(this.set)],
    };
  }

  searchClean(): ((text: string) => string) | undefined {
    return this.current().cleanSearchText;
  }

  pagers(): readonly PagerRule[] {
    return this.current().pagers;
  }

  private promptList(driver: Driver): readonly RegExp[] {
    if (this.user.prompt) return this.user.prompt;
    if (this.fixed || driver === generic || this.certain) return driver.prompt;
    return withGeneric(driver.prompt, GENERIC_PROMPT);
  }

  private update(): void {
    this.stale = false;
    this.certain = this.guesser.isCertain();
    const driver = this.set.registry.get(this.guesser.best()) ?? generic;
    if (driver === this.guessed) return;
    this.guessed = driver;
    if (!this.fixed) this.debug(2, `driver guessed: ${driver.name}`);
  }
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

const anyPrompts = new WeakMap<DriverSet, readonly RegExp[]>();

/** Every registered driver's prompt patterns, once per driver set. */
function anyDriverPrompt(set: DriverSet): readonly RegExp[] {
  let list = anyPrompts.get(set);
  if (!list) {
    const seen = new Set<string>();
    const out: RegExp[] = [];
    for (const d of set.registry.all()) {
      for (const re of d.prompt) {
        const key = `${re.source}/${re.flags}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(re);
      }
    }
    list = out;
    anyPrompts.set(set, list);
  }
  return list;
}

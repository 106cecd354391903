// The Driver port. A driver is data (patterns, commands, guess signals, samples)
// plus two small hooks; defineDriver() fills in the generic defaults.
import type { Account } from '../account.js';

/** A string is a regular expression source (case-sensitive), as in Exscript. */
export type Pattern = string | RegExp;

export interface MatchResult {
  /** Index of the pattern (in the list given) that matched. */
  index: number;
  match: RegExpExecArray;
  /** The text before the match ('' when it was streamed: see `streamed`). */
  response: string;
  /** Set when the response was streamed (`execute(cmd, { onData })`, `stream(cmd)`): the characters handed out. */
  streamed?: number;
}

/** One OS-guess signal: `match` (a RegExp, or a string that must appear verbatim) scores `score`. */
export interface GuessSignal {
  readonly match: RegExp | string;
  readonly score: number;
}

export interface GuessSignals {
  /** Checked against everything received before app-level login completes (and the SSH banner). */
  readonly head: readonly GuessSignal[];
  /** Checked against the protocol's greeting (SSH server identification string). */
  readonly protocol: readonly GuessSignal[];
  /** Checked against text received at any time, until the guess is certain. */
  readonly response: readonly GuessSignal[];
}

/** A pager prompt ("--More--") and the keys that continue the output. */
export interface PagerRule {
  readonly pattern: RegExp;
  /** Sent when the pattern shows; usually ' ' (next page). */
  readonly answer: string;
}

/** Real texts the driver must handle; the driver test kit checks every one. */
export interface DriverSamples {
  /** Texts whose end is a CLI prompt (usually '\r\n' + prompt). */
  readonly prompts?: readonly string[];
  /** Output texts whose end must not be taken for a prompt. */
  readonly notPrompts?: readonly string[];
  readonly usernamePrompts?: readonly string[];
  readonly passwordPrompts?: readonly string[];
  /** Response texts (after the echo line) that must raise InvalidCommandError. */
  readonly errors?: readonly string[];
  /** Response texts that must not raise. */
  readonly nonErrors?: readonly string[];
  readonly loginErrors?: readonly string[];
  /** Pre-login texts (banner up to the first login prompt) on which this driver must win guessOs. */
  readonly banners?: readonly string[];
  /** Pager prompts the driver must recognise. */
  readonly pagers?: readonly string[];
}

/** What a driver hook may do with the connection (a subset of Protocol). */
export interface DriverConnection {
  send(data: string): Promise<void>;
  execute(command: string, opts?: { consume?: boolean }): Promise<MatchResult>;
  expectPrompt(opts?: { consume?: boolean }): Promise<MatchResult>;
  waitFor(pattern: Pattern | Pattern[]): Promise<MatchResult>;
  expect(pattern: Pattern | Pattern[]): Promise<MatchResult>;
  appAuthorize(account?: Account, opts?: { flush?: boolean; bailout?: boolean }): Promise<void>;
}

export interface AuthorizeOptions {
  flush?: boolean;
  bailout?: boolean;
}

export interface Driver {
  readonly name: string;
  readonly usernamePrompt: readonly RegExp[];
  readonly passwordPrompt: readonly RegExp[];
  readonly prompt: readonly RegExp[];
  readonly errorPrompt: readonly RegExp[];
  readonly loginErrorPrompt: readonly RegExp[];
  readonly pagers: readonly PagerRule[];
  readonly initCommands: readonly string[];
  /** The command that starts authorization (IOS: 'enable'), without a line ending, like initCommands; undefined where the OS has no AAA step. */
  readonly authorizeCommand: string | undefined;
  readonly guess: GuessSignals;
  readonly samples: DriverSamples;
  supportsAutoAuthorize(): boolean;
  /** Runs the terminal set-up (paging off, width); default: execute each init command. */
  autoInit(conn: DriverConnection): Promise<void>;
  /** Starts authorization; default: send authorizeCommand, then appAuthorize. */
  autoAuthorize(conn: DriverConnection, account: Account | undefined, opts: AuthorizeOptions): Promise<void>;
  /** Cleans the text searched for prompts (e.g. strips a half-received escape sequence). */
  cleanSearchText(text: string): string;
}

export interface DriverDefinition {
  name: string;
  usernamePrompt?: Pattern | readonly Pattern[];
  passwordPrompt?: Pattern | readonly Pattern[];
  prompt?: Pattern | readonly Pattern[];
  errorPrompt?: Pattern | readonly Pattern[];
  loginErrorPrompt?: Pattern | readonly Pattern[];
  pagers?: readonly PagerRule[];
  initCommands?: readonly string[];
  /** The command that starts authorization, as typed ('enable'); sent followed by '\r'. A trailing line ending given here is sent instead. */
  authorizeCommand?: string;
  guess?: Partial<GuessSignals>;
  samples?: DriverSamples;
  autoInit?: (conn: DriverConnection, driver: Driver) => Promise<void>;
  autoAuthorize?: (conn: DriverConnection, account: Account | undefined, opts: AuthorizeOptions, driver: Driver) => Promise<void>;
  cleanSearchText?: (text: string) => string;
}

/** Compiles a Pattern; a string is a regex source. Global/sticky flags are dropped. */
export function toRegExp(pattern: Pattern, flags = ''): RegExp {
  if (pattern instanceof RegExp) {
    const f = pattern.flags.replace(/[gy]/g, '');
    return f === pattern.flags ? pattern : new RegExp(pattern.source, f);
  }
  if (typeof pattern !== 'string') throw new TypeError(`A pattern must be a string (regex source) or a RegExp, got ${typeof pattern}.`);
  return new RegExp(pattern, flags);
}

export function toRegExps(patterns: Pattern | readonly Pattern[] | undefined | null): RegExp[] {
  if (patterns === undefined || patterns === null) return [];
  const list = Array.isArray(patterns) ? (patterns as readonly Pattern[]) : [patterns as Pattern];
  return list.map((p) => toRegExp(p));
}

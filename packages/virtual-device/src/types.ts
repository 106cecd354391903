// Public option and handler types of VirtualDevice.
import type { Clock } from '@netx/core';
import type { TerminalInfo } from './peer.js';

/** What the prompt function learns about the session. */
export interface PromptInfo {
  readonly hostname: string;
  /** The logged-in user name, if the login asked for one. */
  readonly username: string | undefined;
}

/** The CLI prompt: fixed text or a function of the mode (e.g. `r1>` / `r1#` / `r1(config)#`). */
export type PromptSpec = string | ((mode: string, info: PromptInfo) => string);

/** Pager state of one session; handlers may change it (`terminal length 0`). */
export interface PagerState {
  enabled: boolean;
  /** Output lines shown before the more-prompt. */
  pageLength: number;
}

/** Everything a command handler can see and do. */
export interface CommandContext {
  /** The line as typed (without the line end). */
  readonly line: string;
  /** The line trimmed, runs of blanks collapsed. */
  readonly command: string;
  /** `command` split on blanks. */
  readonly words: readonly string[];
  /** The match when the table key was a RegExp. */
  readonly match: RegExpExecArray | undefined;
  /** Current mode; set it to change the prompt (`configure terminal` -> 'config'). */
  mode: string;
  /** Current host name; set it to change the prompt (IOS `hostname r2`). */
  hostname: string;
  readonly username: string | undefined;
  readonly pager: PagerState;
  /** Free per-connection state for handlers. */
  readonly state: Map<string, unknown>;
  readonly terminal: TerminalInfo;
  /** The session clock (the client's Clock). */
  readonly clock: Clock;
  /** Shows `prompt` and reads one line (e.g. a password with `{ echo: false }`). */
  ask(prompt: string, opts?: { echo?: boolean }): Promise<string>;
  /** Sends text now, outside the pager ('\n' becomes the device newline). */
  write(text: string): void;
  /** Waits on the session clock; Infinity waits until the session ends. Rejects when the session ends first. */
  sleep(ms: number): Promise<void>;
  /** Hangs up after this command's output. */
  close(): void;
  /** The device's unknown-command text for this line (to answer "invalid" from a handler). */
  invalid(): string;
}

/** What a command produces: fixed text, or a handler returning the text (paged, then the prompt). */
export type CommandResponse = string | ((ctx: CommandContext) => string | void | Promise<string | void>);

/**
 * A command table. String keys are literal commands (blanks collapsed; with
 * `abbreviations`, each word may be shortened as on IOS); RegExp keys are tested
 * against the trimmed command.
 */
export type CommandTable =
  | Readonly<Record<string, CommandResponse>>
  | Iterable<readonly [string | RegExp, CommandResponse]>;

/** 'skey': a user name, then an RFC 2289 challenge (`s/key 99 abc123`) answered with the one-time password. */
export type LoginStyle = 'none' | 'password' | 'username' | 'username+password' | 'skey';

export interface DeviceAccount {
  readonly name: string;
  readonly password?: string;
}

export interface LoginOptions {
  /** default 'none' */
  style: LoginStyle;
  /** Shorthand for one account. With style 'username' and no accounts, any name is accepted. */
  username?: string;
  password?: string;
  accounts?: readonly DeviceAccount[];
  /** Text before the first login question (IOS: 'User Access Verification'). default '' */
  header?: string;
  /** default 'User: ' (Exscript's VirtualDevice) */
  usernamePrompt?: string;
  /** default 'Password: ' */
  passwordPrompt?: string;
  /** Shown after wrong credentials, before asking again. default '% Login invalid' ('' shows nothing) */
  failureText?: string;
  /** Attempts before the device hangs up; Infinity keeps asking. default 3 */
  maxAttempts?: number;
  /** Shown when the attempts are used up, before hanging up. default '% Authentication failed' */
  lockoutText?: string;
  /** Echo the password as typed (Exscript's VirtualDevice does). default false */
  echoPassword?: boolean;
  /** The S/Key challenge of style 'skey'. default { sequence: 99, seed: 'abc123' } */
  skey?: { readonly sequence: number; readonly seed: string };
}

/** How one connection starts; given by the link (a server knows things the device does not). */
export interface SessionOptions {
  /** The link already authenticated this user (an SSH server): no login dialogue; the prompt knows the name. */
  authenticatedUser?: string;
  /** The user name is already known (a gateway read `admin@r17`): the first login round asks only the password. */
  presetUsername?: string;
  /** Run this one command and hang up: no banner, prompt, echo or pager (SSH `exec`). */
  exec?: string;
  /** Called with each command line before it runs (fault injection, tracing). */
  onCommand?: (line: string) => void;
}

export interface EnableOptions {
  /** The command that starts authorization. default 'enable' */
  command?: string;
  /** 'password' (default) or 'username+password' (AAA). */
  style?: 'password' | 'username+password';
  /** Undefined: no password asked. */
  password?: string;
  username?: string;
  /** Modes the command works in. default ['user'] */
  fromModes?: readonly string[];
  /** Mode after success. default 'enable' */
  toMode?: string;
  /** default 'Username: ' */
  usernamePrompt?: string;
  /** default 'Password: ' */
  passwordPrompt?: string;
  /** After the last failed attempt. default '% Bad secrets' */
  failureText?: string;
  /** default 3 */
  maxAttempts?: number;
}

/** 'all' shows the rest of the output without stopping (RouterOS's `D dump`). */
export type PagerAction = 'page' | 'line' | 'quit' | 'all';

export interface PagerOptions {
  /** Start with the pager on. default true */
  enabled?: boolean;
  /** Output lines per page. default 24 */
  pageLength?: number;
  /** The more-prompt, or a function of lines shown / total (Junos `---(more 45%)---`). default ' --More-- ' */
  prompt?: string | ((shown: number, total: number) => string);
  /** Sent after a key was pressed, to wipe the more-prompt. default backspaces, blanks, backspaces over the prompt */
  erase?: string | ((morePrompt: string) => string);
  /** What each key does. default { ' ': 'page', '\r': 'line', '\n': 'line', q: 'quit', Q: 'quit' } */
  keys?: Readonly<Record<string, PagerAction>>;
  /** What any other key does. default 'quit' */
  otherKey?: PagerAction;
}

export interface VirtualDeviceOptions {
  /** default 'device' */
  hostname?: string;
  /** Shown as soon as the connection opens ('\n' becomes the device newline). default '' */
  banner?: string;
  /** Shown after a successful login, before the first prompt. default '' */
  motd?: string;
  /** default { style: 'none' } */
  login?: LoginOptions;
  /** Registers the authorization command (IOS `enable`). */
  enable?: EnableOptions;
  /** Echo what the client types. default true */
  echo?: boolean;
  /** default `${hostname}> ` (Exscript's VirtualDevice) */
  prompt?: PromptSpec;
  /** default 'user' */
  initialMode?: string;
  commands?: CommandTable;
  /** Tables tried before `commands` in the given mode. */
  modeCommands?: Readonly<Record<string, CommandTable>>;
  /** IOS-style abbreviations (`sh ver`, `term len 0`) for string keys. default false */
  abbreviations?: boolean;
  /** Answer to an unknown command. default '% Unknown command: "<command>"' */
  unknownCommand?: string | ((line: string, ctx: CommandContext) => string);
  /** Answer to an abbreviation that fits several commands. default '% Ambiguous command:  "<command>"' */
  ambiguousCommand?: string | ((line: string, ctx: CommandContext) => string);
  /** Commands that hang up unless a table handles them first. default ['exit', 'logout', 'quit'] */
  exitCommands?: readonly string[];
  /** false (default) for none. */
  pager?: PagerOptions | false;
  /** Line end of device output. default '\r\n' */
  newline?: string;
  /** Delay (session clock) before the greeting; Infinity never greets. default 0 */
  greetingDelay?: number;
  /** Delay (session clock) before each command's output; Infinity never answers. default 0 */
  responseDelay?: number;
  /** Split every output into chunks of at most this many bytes (each delivered separately). */
  chunkSize?: number;
  /** default 'utf8' */
  encoding?: 'utf8' | 'latin1';
  /** SSH-style identification string for getRemoteVersion(). */
  remoteVersion?: string;
  /** SSH-style pre-login banner for getBanner(). */
  protocolBanner?: string;
  /** Delay before the connection is accepted (session clock); Infinity never accepts. default 0 */
  connectDelay?: number;
  /** Keep every connection's state in `sessions` (for tests). A server with many sessions turns it off. default true */
  recordSessions?: boolean;
}

// The generic driver: Exscript's defaults, which every driver starts from.
import type { Account } from '../account.js';
import {
  toRegExps,
  type AuthorizeOptions,
  type Driver,
  type DriverConnection,
  type DriverDefinition,
} from '../ports/driver.js';

/** Python's "not in string.printable". */
const NONPRINTABLE = '[^\\x20-\\x7e\\t\\n\\r\\x0b\\x0c]';
/**
 * Python 3's `\w` (str.isalnum() or '_'): Unicode letters and digits, so a host name
 * like `Zürich-sw1` or `сервер` is a prompt as in Exscript. JS `\w` is ASCII-only.
 */
const WORD = '\\p{L}\\p{N}_';
const PATH_PART = `(?:[${WORD}\\+\\-\\._]+)`;
const PATH = `(?:(?:${PATH_PART})?(?:/${PATH_PART})*/?)`;
const CWD = `(?:${PATH}|~${PATH}?)`;

/**
 * Exscript's generic prompt: `[user@host:/path (file)]$` and IOS/Junos/Unix alike.
 * The look-ahead after the newline is implied by the rest (nothing after it can match
 * a newline); it rejects an output line in one pass instead of backtracking through
 * every split of `word0/0/1 is up` (about 1 ms per line without it).
 */
export const GENERIC_PROMPT = new RegExp(
  `[\\r\\n](?=[^\\r\\n]*[#>%\\$\\]] ?${NONPRINTABLE}*$)(?:${NONPRINTABLE}*|[\\x1b\\x07\\x00]*)` +
    `[\\[<]?[${WORD}]+(?:(?:(?:[${WORD}+\\-]+)@)?(?:[${WORD}+\\-\\.]+))?` +
    `:?${CWD}?[: ]?${CWD}?` +
    `(?:\\(${PATH_PART}\\))?[\\]\\-]?[#>%\\$\\]] ?${NONPRINTABLE}*$`,
  // `u` for \p{...}; it also makes the old identity escape `\<` a syntax error, hence `<`.
  'iu',
);
export const GENERIC_USERNAME_PROMPT = /(user ?name|user|login): *$/i;
export const GENERIC_PASSWORD_PROMPT = /password:? *$/i;
// Exscript's list; `[^\r\n]+? not found` (lazy) accepts the same lines as its greedy `+`
// with half the steps: the greedy run backtracks over every line of every response.
export const GENERIC_ERROR_PROMPT = /^%?\s*(?:error|invalid|incomplete|unrecognized|unknown command|connection timed out|[^\r\n]+? not found)/i;
export const GENERIC_LOGIN_ERROR_PROMPT = /[\r\n][^\r\n]*(?:bad secrets|denied|invalid|too short|incorrect|connection timed out|failed|failure)/i;
/**
 * The command errors of Cisco IOS and of the CLIs that copy it (ACE, Aruba, Brocade):
 * Exscript's list, with `[^\r\n]+ not found` written `[^\r\n] not found` (the same
 * lines, without backtracking over every line of a long response).
 */
export const CISCO_ERROR_PROMPTS: readonly RegExp[] = Object.freeze([/%Error/, /invalid input/i, /(?:incomplete|ambiguous) command/i, /connection timed out/i, /[^\r\n] not found/i]);

async function defaultAutoInit(conn: DriverConnection, driver: Driver): Promise<void> {
  for (const command of driver.initCommands) await conn.execute(command);
}

async function defaultAutoAuthorize(
  conn: DriverConnection,
  account: Account | undefined,
  opts: AuthorizeOptions,
  driver: Driver,
  lineEnd: string,
): Promise<void> {
  if (driver.authorizeCommand === undefined) return;
  await conn.send(`${driver.authorizeCommand}${lineEnd}`);
  await conn.appAuthorize(account, opts);
}

/**
 * `authorizeCommand` is a command like the init commands (`'enable'`) and goes out
 * followed by `\r`, as execute() sends every command. A line ending the definition
 * gives is kept and sent instead (Exscript's adtran, vxworks and zte send CR LF).
 */
function splitLineEnd(command: string | undefined): { command: string | undefined; lineEnd: string } {
  const m = command === undefined ? null : /(\r\n|\r|\n)$/.exec(command);
  return m ? { command: command!.slice(0, m.index), lineEnd: m[1]! } : { command, lineEnd: '\r' };
}

/** Builds a Driver from data; whatever the definition leaves out comes from the generic driver. */
export function defineDriver(def: DriverDefinition): Driver {
  if (!def.name || !/^[a-z0-9_.-]+$/i.test(def.name)) {
    throw new TypeError(`defineDriver: a driver needs a name of letters, digits, '_', '-' or '.', got ${JSON.stringify(def.name)}.`);
  }
  const pick = (p: DriverDefinition['prompt'], fallback: RegExp) => (p === undefined ? [fallback] : toRegExps(p));
  const authorize = splitLineEnd(def.authorizeCommand);
  const driver: Driver = {
    name: def.name,
    usernamePrompt: pick(def.usernamePrompt, GENERIC_USERNAME_PROMPT),
    passwordPrompt: pick(def.passwordPrompt, GENERIC_PASSWORD_PROMPT),
    prompt: pick(def.prompt, GENERIC_PROMPT),
    errorPrompt: pick(def.errorPrompt, GENERIC_ERROR_PROMPT),
    loginErrorPrompt: pick(def.loginErrorPrompt, GENERIC_LOGIN_ERROR_PROMPT),
    pagers: def.pagers ?? [],
    initCommands: def.initCommands ?? [],
    authorizeCommand: authorize.command,
    guess: { head: def.guess?.head ?? [], protocol: def.guess?.protocol ?? [], response: def.guess?.response ?? [] },
    samples: def.samples ?? {},
    supportsAutoAuthorize: () => def.autoAuthorize !== undefined || def.authorizeCommand !== undefined,
    autoInit: (conn) => (def.autoInit ?? defaultAutoInit)(conn, driver),
    autoAuthorize: (conn, account, opts) =>
      def.autoAuthorize ? def.autoAuthorize(conn, account, opts, driver) : defaultAutoAuthorize(conn, account, opts, driver, authorize.lineEnd),
    cleanSearchText: def.cleanSearchText ?? ((text) => text),
  };
  return Object.freeze(driver);
}

/** The fallback driver, always known to a Protocol. */
export const generic: Driver = defineDriver({
  name: 'generic',
  samples: {
    prompts: [
      '\r\n[sam123@home ~]$',
      '\r\nMyHost-A1#',
      '\r\nsam@knip:~/Code/exscript$ ',
      // self-written: non-ASCII host and user names (Exscript's Python `\w` takes them)
      '\r\nZürich-sw1#',
      '\r\nroot@сервер:~# ',
      '\r\n[admin@Zürich-fw ~]$',
      '\r\n交换机-1>',
    ],
    notPrompts: ['\r\none two', '\r\nZürich one two', '\r\nsome text Zürich-sw1# show version'],
    usernamePrompts: ['Username: ', 'login: '],
    passwordPrompts: ['Password: '],
  },
});

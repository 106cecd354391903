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

async function defaultAutoInit(conn: DriverConnection, driver: Driver): Promise<void> {
  for (const command of driver.initCommands) await conn.execute(command);
}

async function defaultAutoAuthorize(
  conn: DriverConnection,
  account: Account | undefined,
  opts: AuthorizeOptions,
  driver: Driver,
): Promise<void> {
  if (driver.authorizeCommand === undefined) return;
  await conn.send(driver.authorizeCommand);
  await conn.appAuthorize(account, opts);
}

/** Builds a Driver from data; whatever the definition leaves out comes from the generic driver. */
export function defineDriver(def: DriverDefinition): Driver {
  if (!def.name || !/^[a-z0-9_.-]+$/i.test(def.name)) {
    throw new TypeError(`defineDriver: a driver needs a name of letters, digits, '_', '-' or '.', got ${JSON.stringify(def.name)}.`);
  }
  const pick = (p: DriverDefinition['prompt'], fallback: RegExp) => (p === undefined ? [fallback] : toRegExps(p));
  const driver: Driver = {
    name: def.name,
    usernamePrompt: pick(def.usernamePrompt, GENERIC_USERNAME_PROMPT),
    passwordPrompt: pick(def.passwordPrompt, GENERIC_PASSWORD_PROMPT),
    prompt: pick(def.prompt, GENERIC_PROMPT),
    errorPrompt: pick(def.errorPrompt, GENERIC_ERROR_PROMPT),
    loginErrorPrompt: pick(def.loginErrorPrompt, GENERIC_LOGIN_ERROR_PROMPT),
    pagers: def.pagers ?? [],
    initCommands: def.initCommands ?? [],
    authorizeCommand: def.authorizeCommand,
    guess: { head: def.guess?.head ?? [], protocol: def.guess?.protocol ?? [], response: def.guess?.response ?? [] },
    samples: def.samples ?? {},
    supportsAutoAuthorize: () => def.autoAuthorize !== undefined || def.authorizeCommand !== undefined,
    autoInit: (conn) => (def.autoInit ?? defaultAutoInit)(conn, driver),
    autoAuthorize: (conn, account, opts) => (def.autoAuthorize ?? defaultAutoAuthorize)(conn, account, opts, driver),
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

// A virtual MikroTik RouterOS 6 router: `r1 Login: ` / `Password: `, the MikroTik
// banner, `[admin@r1] > `, menus (`/ip address` -> `[admin@r1] /ip address> `, `..`,
// `/`), commands typed absolute (`/ip address print`) or relative to the menu, every
// word a unique prefix (`/ip addr pr`), no enable and no configuration mode (changes
// apply at once: `/system identity set name=r2` renames the prompt), a pager at the
// terminal height with `-- [Q quit|D dump|down]` (`without-paging` skips it), the
// RouterOS errors with their column (`bad command name shw (line 1 column 1)`), and
// the ntc-templates RouterOS captures.
import type { CommandContext, CommandTable, PromptInfo } from '../types.js';
import { servedText, type CaptureTableOptions } from './capture-table.js';
import { MIKROTIK_ROUTEROS } from './captures/mikrotik-routeros.js';
import { resolveLine } from './cli-words.js';
import { withHostLoginPrompt } from './host-login.js';
import { defineProfile, type DeviceProfile } from './profile.js';

export const ROUTEROS_CAPTURE_OPTIONS: CaptureTableOptions = { hostname: { 'system identity print': /^ {2}name: (\S+)$/m } };

/**
 * Command -> captured output. A capture taken with `without-paging` also answers the
 * command without it (then paged), as the device prints the same rows either way.
 */
const OUTPUTS: ReadonlyMap<string, string> = (() => {
  const out = new Map(Object.entries(MIKROTIK_ROUTEROS));
  for (const [command, text] of Object.entries(MIKROTIK_ROUTEROS)) {
    const paged = command.replace(/ without-paging$/, '');
    if (paged !== command && !out.has(paged)) out.set(paged, text);
  }
  return out;
})();

/** Commands the router knows besides the captures (their arguments are checked by the handler). */
const OWN = ['system identity set'];
const KNOWN = [...OUTPUTS.keys(), ...OWN];

/** `[admin@r1] > ` at the root; `[admin@r1] /ip address> ` inside a menu (the mode is the menu path). */
export function routerosPrompt(mode: string, info: PromptInfo): string {
  const who = `[${info.username ?? 'admin'}@${info.hostname}]`;
  return mode === 'root' ? `${who} > ` : `${who} /${mode}> `;
}

/** `(line 1 column N)`: RouterOS counts columns from 1. */
const at = (column: number) => `(line 1 column ${column + 1})`;

/** The words of the line as RouterOS reads them: absolute from `/`, else after the current menu; `..` goes up. */
function pathOf(line: string, mode: string): { path: string[]; offsets: number[] } {
  const tokens = [...line.matchAll(/\S+/g)].map((m) => ({ word: m[0], at: m.index }));
  let path = mode === 'root' ? [] : mode.split(' ');
  const offsets: number[] = path.map(() => -1);
  tokens.forEach((t, i) => {
    let word = t.word;
    let column = t.at;
    if (i === 0 && word.startsWith('/')) {
      path = [];
      offsets.length = 0;
      word = word.slice(1);
      column += 1;
    }
    if (word === '..') {
      path.pop();
      offsets.pop();
    } else if (word !== '') {
      path.push(word);
      offsets.push(column);
    }
  });
  return { path, offsets };
}

function run(ctx: CommandContext): string | void {
  // `quit` works from any menu.
  if (/^\/?quit$/.test(ctx.command)) {
    ctx.close();
    return '';
  }
  const { path, offsets } = pathOf(ctx.line, ctx.mode);
  // The command's own arguments (`name=r2`) are not menu words.
  const args = path.findIndex((w) => w.includes('='));
  const words = args === -1 ? path : path.slice(0, args);
  const r = resolveLine(words.join(' '), KNOWN);
  if (r.fault) {
    const column = offsets[r.fault.index] ?? 0;
    if (r.fault.kind === 'ambiguous') return `ambiguous value of command, more than one possible value: ${r.fault.candidates.join(', ')} ${at(column)}\n`;
    // Words past a complete command are arguments it does not take.
    if (r.words.length > 0 && KNOWN.includes(r.words.join(' '))) return `expected end of command ${at(column)}\n`;
    return `bad command name ${r.fault.word} ${at(column)}\n`;
  }
  const command = r.words.join(' ');
  if (command === 'system identity set') {
    const name = /^name=(\S+)$/.exec(path[args] ?? '');
    if (!name) return `expected end of command ${at(ctx.line.length)}\n`;
    ctx.hostname = name[1]!;
    return '';
  }
  if (r.isCommand && args === -1) {
    const text = servedText(OUTPUTS.get(command)!, command, ROUTEROS_CAPTURE_OPTIONS, ctx.hostname);
    if (command.endsWith(' without-paging')) {
      ctx.write(text);
      return '';
    }
    // RouterOS pages at the terminal's height.
    ctx.pager.pageLength = Math.max(1, ctx.terminal.rows - 1);
    return text;
  }
  // A menu: typed alone it becomes the current one (`/` alone goes to the root).
  if (r.next.length > 0 && args === -1) {
    ctx.mode = r.words.length === 0 ? 'root' : r.words.join(' ');
    return '';
  }
  return `expected command name ${at(ctx.line.length)}\n`;
}

/** Every line goes through the RouterOS resolver (menus make a fixed table impossible). */
export const routerosCommands: CommandTable = [[/^[\s\S]*$/, run]];

const spec = defineProfile({
  name: 'routeros',
  description: 'MikroTik RouterOS 6: Login:/Password:, [admin@r1] > with menus, -- [Q quit|D dump|down] pager, RouterOS captures',
  hostname: 'MikroTik',
  prompts: routerosPrompt,
  initialMode: 'root',
  login: { passwordPrompt: 'Password: ', failureText: 'Login failed, incorrect username or password', lockoutText: 'Login failed, incorrect username or password' },
  motd: [
    '',
    '',
    '  MMM      MMM       KKK                          TTTTTTTTTTT      KKK',
    '  MMMM    MMMM       KKK                          TTTTTTTTTTT      KKK',
    '  MMM MMMM MMM  III  KKK  KKK  RRRRRR     OOOOOO      TTT     III  KKK  KKK',
    '  MMM  MM  MMM  III  KKKKK     RRR  RRR  OOO  OOO     TTT     III  KKKKK',
    '  MMM      MMM  III  KKK KKK   RRRRRR    OOO  OOO     TTT     III  KKK KKK',
    '  MMM      MMM  III  KKK  KKK  RRR  RRR   OOOOOO      TTT     III  KKK  KKK',
    '',
    '  MikroTik RouterOS 6.48.6 (c) 1999-2021       http://www.mikrotik.com/',
    '',
    '[?]             Gives the list of available commands',
    'command [?]     Gives help on the command and list of arguments',
    '',
    '[Tab]           Completes the command/word. If the input is ambiguous,',
    '                a second [Tab] gives possible options',
    '',
    '/               Move up to base level',
    '..              Move up one level',
    '/command        Use command at the base level',
    '',
  ].join('\n'),
  pager: {
    pageLength: 23,
    prompt: '-- [Q quit|D dump|down]',
    erase: (more) => `\r${' '.repeat(more.length)}\r`,
    keys: { q: 'quit', Q: 'quit', d: 'all', D: 'all', ' ': 'page', '\r': 'line', '\n': 'line' },
  },
  commands: routerosCommands,
  abbreviations: false,
  exitCommands: [],
  sshVersion: 'SSH-2.0-ROSSSH',
  driver: 'routeros',
  probe: { command: '/system resource print', expect: 'version: 6.48.6' },
});

/** The RouterOS profile; its login asks `<identity> Login: `. */
export const routerosProfile: DeviceProfile = withHostLoginPrompt(spec, (host) => `${host} Login: `);

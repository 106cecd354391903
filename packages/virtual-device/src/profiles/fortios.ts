// A virtual FortiGate (FortiOS 6, VDOMs enabled): `r1 login: ` / `Password: `, the
// prompt `r1 # `, nested `config` contexts shown in the prompt (`config global` ->
// `r1 (global) # `, `config system console` -> `r1 (console) # `, `edit port1` ->
// `r1 (port1) # `; `next` and `end` leave them, settings apply at `end`), a
// `--More-- ` pager that `set output standard` in `config system console` turns off,
// abbreviations (`get sys stat`), `Unknown action 0` / `command parse error before`
// each followed by `Command fail. Return code`, and the ntc-templates FortiOS captures.
import type { CommandContext, CommandTable, PromptInfo } from '../types.js';
import { captureTable, type CaptureTableOptions } from './capture-table.js';
import { FORTINET } from './captures/fortinet.js';
import { commitLines, pendingLines, renameBy } from './candidate-config.js';
import { literalCommands, locateFault } from './cli-words.js';
import { withHostLoginPrompt } from './host-login.js';
import { defineProfile, type DeviceProfile } from './profile.js';

export const FORTIOS_CAPTURE_OPTIONS: CaptureTableOptions = { hostname: { 'get system status': /^Hostname: (\S+)/m } };

/**
 * The mode is the context stack joined by `/` (`root`, `global`, `global/console`,
 * `global/interface/=port1`); edit levels start with `=`. The prompt shows the innermost.
 */
export function fortiosPrompt(mode: string, info: PromptInfo): string {
  if (mode === 'root') return `${info.hostname} # `;
  const top = mode.split('/').pop()!.replace(/^=/, '');
  return `${info.hostname} (${top}) # `;
}

const stack = (ctx: CommandContext) => (ctx.mode === 'root' ? [] : ctx.mode.split('/'));
const setStack = (ctx: CommandContext, levels: string[]) => void (ctx.mode = levels.length === 0 ? 'root' : levels.join('/'));

/** Settings made in the open contexts, applied when their `config` ends. */
const STAGED = 'fortios.staged';

function applyStaged(ctx: CommandContext): void {
  const rename = renameBy(ctx, /^global:set hostname "?([^"\s]+)"?$/);
  commitLines(ctx, STAGED, (line) => {
    if (line === 'console:set output standard') ctx.pager.enabled = false;
    else if (line === 'console:set output more') ctx.pager.enabled = true;
    rename(line);
  });
}

/** `end`: closes the innermost `config` (and an `edit` inside it); settings apply once no context is open. */
function end(ctx: CommandContext): string | undefined {
  const levels = stack(ctx);
  if (levels.length === 0) return ctx.invalid();
  while (levels.length > 0 && levels[levels.length - 1]!.startsWith('=')) levels.pop();
  levels.pop();
  applyStaged(ctx);
  setStack(ctx, levels);
  return '';
}

function inContext(handler: (ctx: CommandContext, levels: string[]) => string | void) {
  return (ctx: CommandContext) => {
    const levels = stack(ctx);
    return levels.length === 0 ? ctx.invalid() : handler(ctx, levels);
  };
}

export const fortiosCommands: CommandTable = [
  [
    /^config (global|vdom|(?:system|firewall|router|user|log|vpn ipsec|webfilter|antivirus) ([\w-]+))$/,
    (ctx) => setStack(ctx, [...stack(ctx), ctx.match![2] ?? ctx.match![1]!]),
  ],
  ['end', end],
  ['next', inContext((ctx, levels) => (levels[levels.length - 1]!.startsWith('=') ? setStack(ctx, levels.slice(0, -1)) : ctx.invalid()))],
  [
    /^edit (\S+)$/,
    inContext((ctx, levels) => {
      // A second `edit` replaces the entry being edited.
      if (levels[levels.length - 1]!.startsWith('=')) levels.pop();
      setStack(ctx, [...levels, `=${ctx.match![1]!.replace(/"/g, '')}`]);
    }),
  ],
  [/^(?:set|unset|append|select|unselect) \S.*$/, inContext((ctx, levels) => void pendingLines(ctx, STAGED).push(`${levels[levels.length - 1]}:${ctx.command}`))],
  ...captureTable(FORTINET, FORTIOS_CAPTURE_OPTIONS),
];

const known = literalCommands(fortiosCommands, { 'config global': '', 'config system console': '', 'config system interface': '' });

/** FortiOS answers every rejected line with a reason, then `Command fail. Return code <n>`. */
function fortiosError(line: string, ctx: CommandContext): string {
  const f = locateFault(line, known);
  if (f.kind === 'incomplete') return 'Command fail. Return code -160\n';
  if (f.index === 0 && ctx.mode === 'root') return 'Unknown action 0\nCommand fail. Return code -1\n';
  return `command parse error before '${f.word}'\nCommand fail. Return code -61\n`;
}

const spec = defineProfile({
  name: 'fortios',
  description: 'Fortinet FortiGate (FortiOS 6, VDOMs): login:/Password:, r1 # / r1 (global) #, --More-- pager until set output standard, FortiOS captures',
  prompts: fortiosPrompt,
  initialMode: 'root',
  login: { passwordPrompt: 'Password: ', failureText: 'Login incorrect', lockoutText: 'Login incorrect' },
  pager: { pageLength: 24, prompt: '--More-- ', erase: '\r         \r' },
  errors: { unknown: fortiosError, ambiguous: fortiosError },
  commands: fortiosCommands,
  exitCommands: ['exit'],
  driver: 'fortios',
  probe: { command: 'get system status', expect: 'Version: FortiGate-1500D v6.0.7' },
});

/** The FortiOS profile; its console/telnet login asks `<hostname> login: `. */
export const fortiosProfile: DeviceProfile = withHostLoginPrompt(spec, (host) => `${host} login: `);

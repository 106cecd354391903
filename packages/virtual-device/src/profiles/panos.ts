// A virtual Palo Alto Networks firewall (PAN-OS 10): `r1 login: ` / `Password: `,
// `Number of failed attempts since last successful login: 0`, `admin@r1> `,
// `configure` -> `Entering configuration mode` + `[edit]` + `admin@r1# ` (`exit` /
// `quit` leave, `commit` applies `set deviceconfig system hostname`), `set cli pager
// off` / `set cli scripting-mode on` / `set cli terminal width`, full keywords only
// (no abbreviations), `Unknown command: <word>` / `Invalid syntax.`, a `--more--`
// pager (the form the netx panos driver expects), and the ntc-templates PAN-OS captures.
import type { CommandContext, CommandTable, PromptInfo } from '../types.js';
import { captureTable, type CaptureTableOptions } from './capture-table.js';
import { PALOALTO_PANOS } from './captures/paloalto-panos.js';
import { commitLines, pendingLines, renameBy } from './candidate-config.js';
import { literalCommands, locateFault } from './cli-words.js';
import { withHostLoginPrompt } from './host-login.js';
import { defineProfile, type DeviceProfile } from './profile.js';

export const PANOS_CAPTURE_OPTIONS: CaptureTableOptions = {};

/** `admin@r1> ` in operational mode; `[edit]` then `admin@r1# ` in configuration mode. */
export function panosPrompt(mode: string, info: PromptInfo): string {
  const who = `${info.username ?? 'admin'}@${info.hostname}`;
  return mode === 'config' ? `[edit]\r\n${who}# ` : `${who}> `;
}

const pager = (on: boolean) => (ctx: CommandContext) => void (ctx.pager.enabled = on);

/** Candidate configuration of the session, applied by `commit`. */
const CANDIDATE = 'panos.candidate';

function commit(ctx: CommandContext): string {
  const changed = commitLines(ctx, CANDIDATE, renameBy(ctx, /^set deviceconfig system hostname (\S+)$/));
  return changed > 0 ? '\nConfiguration committed successfully\n\n' : '\nThere are no changes to commit.\n\n';
}

export const panosOperationalCommands: CommandTable = [
  ['set cli pager off', pager(false)],
  ['set cli pager on', pager(true)],
  ['set cli scripting-mode on', ''],
  ['set cli scripting-mode off', ''],
  [/^set cli terminal width (\d+)$/, ''],
  [/^set cli terminal height (\d+)$/, (ctx) => void (ctx.pager.pageLength = Math.max(1, Number(ctx.match![1])))],
  ['configure', (ctx) => ((ctx.mode = 'config'), 'Entering configuration mode\n')],
  ...captureTable(PALOALTO_PANOS, PANOS_CAPTURE_OPTIONS),
];

const leave = (ctx: CommandContext) => {
  ctx.mode = 'operational';
  return 'Exiting configuration mode\n';
};

export const panosConfigCommands: CommandTable = [
  ['exit', leave],
  ['quit', leave],
  ['commit', commit],
  [/^(?:set|delete|edit|rename|move) \S.*$/, (ctx) => void pendingLines(ctx, CANDIDATE).push(ctx.command)],
  // `run <operational command>` from configuration mode.
  [/^run (.+)$/, (ctx) => PALOALTO_PANOS[ctx.match![1]!] ?? ctx.invalid()],
];

const known = literalCommands(panosOperationalCommands, panosConfigCommands);

/** PAN-OS names the first word it does not know; a command cut short is `Invalid syntax.`. */
function panosError(line: string, ctx: CommandContext): string {
  const f = locateFault(line, ctx.mode === 'config' ? literalCommands(panosConfigCommands) : known, false);
  return f.kind === 'incomplete' ? '\nInvalid syntax.\n\n' : `Unknown command: ${f.word}\n`;
}

const spec = defineProfile({
  name: 'panos',
  description: 'Palo Alto Networks PAN-OS 10: login:/Password:, admin@r1> / [edit] admin@r1#, --more-- pager, full keywords only, PAN-OS captures',
  hostname: 'PA-VM',
  prompts: panosPrompt,
  initialMode: 'operational',
  login: { passwordPrompt: 'Password: ', failureText: 'Login incorrect', lockoutText: 'Login incorrect' },
  motd: '\nNumber of failed attempts since last successful login: 0\n\n\n',
  pager: { pageLength: 24, prompt: '--more--', erase: '\r        \r' },
  errors: { unknown: panosError },
  commands: panosOperationalCommands,
  modeCommands: { config: panosConfigCommands },
  abbreviations: false,
  exitCommands: ['exit', 'quit'],
  sshVersion: 'SSH-2.0-OpenSSH_8.0',
  driver: 'panos',
  probe: { command: 'show jobs all', expect: 'FqdnRefresh' },
});

/** The PAN-OS profile; its console login asks `<hostname> login: `. */
export const panosProfile: DeviceProfile = withHostLoginPrompt(spec, (host) => `${host} login: `);

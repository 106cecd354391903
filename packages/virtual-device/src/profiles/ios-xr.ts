// A virtual Cisco IOS XR router (XRv 9000, 6.x): `User Access Verification`,
// `Username: `/`Password: `, `RP/0/RP0/CPU0:r1#` (no enable: task groups decide),
// `configure` -> `RP/0/RP0/CPU0:r1(config)#` with a candidate configuration that
// `commit` applies (leaving with uncommitted changes asks, as XR does), a
// ` --More-- ` pager, `% Invalid input detected at '^' marker.`, and the
// ntc-templates XR captures (each starts with XR's command timestamp line).
import type { CommandContext, CommandTable, PromptInfo } from '../types.js';
import { captureTable, type CaptureTableOptions } from './capture-table.js';
import { CISCO_XR } from './captures/cisco-xr.js';
import { caretError } from './caret-errors.js';
import { commitLines, confirmLeave, pendingLines, renameBy } from './candidate-config.js';
import { literalCommands } from './cli-words.js';
import { defineProfile, modeSwitch, type DeviceProfile } from './profile.js';

const PREFIX = 'RP/0/RP0/CPU0:';

/** `RP/0/RP0/CPU0:r1#`, `RP/0/RP0/CPU0:r1(config)#`, `RP/0/RP0/CPU0:r1(config-if)#`. */
export function iosXrPrompt(mode: string, info: PromptInfo): string {
  return mode === 'exec' ? `${PREFIX}${info.hostname}#` : `${PREFIX}${info.hostname}(${mode})#`;
}

export const IOS_XR_CAPTURE_OPTIONS: CaptureTableOptions = { hostname: { 'show running-config hostname': /^hostname (\S+)$/m } };

/** Uncommitted configuration lines of the session (XR's target configuration). */
const PENDING = 'xr.pending';
const commit = (ctx: CommandContext) => void commitLines(ctx, PENDING, renameBy(ctx, /^hostname (\S+)$/));

/** A configuration line: kept in the candidate configuration until `commit`. */
const stage = (ctx: CommandContext) => void pendingLines(ctx, PENDING).push(ctx.command);

/** `end` / `exit` from configuration mode: XR asks what to do with uncommitted changes. */
async function leaveConfig(ctx: CommandContext): Promise<string> {
  const question = 'Uncommitted changes found, commit them before exiting(yes/no/cancel)? [cancel]:';
  if (await confirmLeave(ctx, PENDING, question, { yes: ['yes', 'y'], no: ['no', 'n'] }, () => commit(ctx))) ctx.mode = 'exec';
  return '';
}

export const iosXrExecCommands: CommandTable = [
  ['terminal exec prompt no-timestamp', ''],
  ['terminal exec prompt timestamp', ''],
  [/^terminal width (\d+)$/, ''],
  ['terminal monitor', ''],
  ...captureTable(CISCO_XR, IOS_XR_CAPTURE_OPTIONS),
];

export const iosXrConfigCommands: CommandTable = [
  ['commit', (ctx) => void commit(ctx)],
  ['end', leaveConfig],
  ['exit', leaveConfig],
  ['abort', (ctx) => void ((pendingLines(ctx, PENDING).length = 0), (ctx.mode = 'exec'))],
  [/^hostname (\S+)$/, stage],
  [/^interface (\S+)$/, (ctx) => void (stage(ctx), (ctx.mode = 'config-if'))],
  [/^(?:no )?(?:router|logging|ntp|snmp-server|username|domain|ssh|line|vrf) .+$/, stage],
];

export const iosXrInterfaceCommands: CommandTable = [
  ['exit', modeSwitch('config')],
  ['end', leaveConfig],
  ['commit', (ctx) => void commit(ctx)],
  [/^(?:no )?(?:description .+|shutdown|ipv4 address .+|ipv6 address .+|mtu \d+)$/, stage],
];

const known = literalCommands(iosXrExecCommands, iosXrConfigCommands, iosXrInterfaceCommands, { 'configure terminal': '', 'terminal length 0': '' });
const errors = caretError(
  () => known,
  (ctx) => iosXrPrompt(ctx.mode, ctx),
  {
    unknown: () => "% Invalid input detected at '^' marker.\n",
    ambiguous: (_f, line) => `% Ambiguous command:  "${line.trim()}"\n`,
    incomplete: () => '% Incomplete command.\n',
    noCaret: ['ambiguous', 'incomplete'],
  },
);

export const iosXrProfile: DeviceProfile = defineProfile({
  name: 'ios_xr',
  description: 'Cisco IOS XR (XRv 9000): Username/Password, RP/0/RP0/CPU0:r1# / (config)# with commit, --More-- pager, XR captures',
  prompts: iosXrPrompt,
  initialMode: 'exec',
  login: { header: '\nUser Access Verification\n\n', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', failureText: '% Authentication failed' },
  // `configure` and `configure terminal` both enter the same mode; the spec registers one.
  config: { command: 'configure terminal', fromModes: ['exec'], exits: {} },
  modeCommands: { exec: [['configure', modeSwitch('config')]], config: iosXrConfigCommands, 'config-if': iosXrInterfaceCommands },
  pager: { pageLength: 24, prompt: ' --More-- ', lengthCommands: ['terminal length 0', /^terminal length (\d+)$/] },
  errors: { unknown: errors, ambiguous: errors },
  commands: iosXrExecCommands,
  exitCommands: ['exit', 'logout'],
  sshVersion: 'SSH-2.0-Cisco-2.0',
  driver: 'ios_xr',
  probe: { command: 'show version', expect: 'Cisco IOS XR Software' },
});

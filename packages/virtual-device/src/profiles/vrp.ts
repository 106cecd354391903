// A virtual Huawei VRP 8 router (NE40E): `Login authentication`, `Username:` /
// `Password:` (no blank after the colon), the VTY `Info:` lines with the login time,
// `<r1>` user view, `system-view` -> `[~r1]` (two-stage: `[*r1]` while changes are
// uncommitted, `commit` applies them), `quit` / `return`, an `  ---- More ----`
// pager erased with cursor moves, `screen-length 0 temporary`, `Error: Unrecognized
// command found at '^' position.` with the caret, and the ntc-templates VRP captures.
import type { CommandContext, CommandTable, PromptInfo } from '../types.js';
import { captureTable, type CaptureTableOptions } from './capture-table.js';
import { HUAWEI_VRP } from './captures/huawei-vrp.js';
import { caretError } from './caret-errors.js';
import { commitLines, confirmLeave, pendingLines, renameBy } from './candidate-config.js';
import { literalCommands } from './cli-words.js';
import { defineProfile, type DeviceProfile } from './profile.js';

export const VRP_CAPTURE_OPTIONS: CaptureTableOptions = {};

/** Uncommitted lines of the session's candidate configuration. */
const PENDING = 'vrp.pending';
const pending = (ctx: CommandContext) => pendingLines(ctx, PENDING);

/**
 * `<r1>` in user view; `[~r1]` in system view, `[*r1]` with uncommitted changes;
 * interface views add the interface (`[~r1-GigabitEthernet0/3/0]`). The mode is
 * `user`, `system`, or `if:<interface>`; the change mark is read from the mode suffix.
 */
export function vrpPrompt(mode: string, info: PromptInfo): string {
  if (mode === 'user') return `<${info.hostname}>`;
  const dirty = mode.endsWith('*');
  const view = mode.replace(/\*$/, '');
  const where = view.startsWith('if:') ? `${info.hostname}-${view.slice(3)}` : info.hostname;
  return `[${dirty ? '*' : '~'}${where}]`;
}

/** Records a configuration line and marks the prompt `[*...]`. */
function stage(ctx: CommandContext, line = ctx.command): void {
  pending(ctx).push(line);
  if (!ctx.mode.endsWith('*')) ctx.mode = `${ctx.mode}*`;
}

function commit(ctx: CommandContext): void {
  commitLines(ctx, PENDING, renameBy(ctx, /^sysname (\S+)$/));
  ctx.mode = ctx.mode.replace(/\*$/, '');
}

const view = (ctx: CommandContext) => ctx.mode.replace(/\*$/, '');
const withMark = (ctx: CommandContext, mode: string) => (pending(ctx).length > 0 ? `${mode}*` : mode);

/** `return` (or `quit` from system view) with uncommitted changes asks first, as VRP 8 does. */
async function toUserView(ctx: CommandContext): Promise<string> {
  const question = 'Warning: Uncommitted configurations found. Are you sure to commit them before exiting? [Y(yes)/N(no)/C(cancel)]:';
  if (await confirmLeave(ctx, PENDING, question, { yes: ['y', 'yes'], no: ['n', 'no'] }, () => commit(ctx))) ctx.mode = 'user';
  return '';
}

function screenLength(ctx: CommandContext): string {
  const n = Number(ctx.match?.[1] ?? 0);
  ctx.pager.enabled = n > 0;
  if (n > 0) ctx.pager.pageLength = n;
  return 'Info: The configuration takes effect on the current user terminal interface only.\n';
}

/** Commands of every view: the captures and the terminal settings. */
export const vrpCommands: CommandTable = [
  ['screen-length 0 temporary', screenLength],
  [/^screen-length (\d+) temporary$/, screenLength],
  ['screen-width 512', ''],
  ...captureTable(HUAWEI_VRP, VRP_CAPTURE_OPTIONS),
];

export const vrpUserViewCommands: CommandTable = [
  [
    'system-view',
    (ctx) => {
      ctx.mode = withMark(ctx, 'system');
      return 'Enter system view, return user view with return command.\n';
    },
  ],
  ['quit', (ctx) => void ctx.close()],
];

/** Answers only in system or interface views; in user view the line is unknown. */
const configOnly =
  (r: (ctx: CommandContext) => string | void | Promise<string | void>) =>
  (ctx: CommandContext): string | void | Promise<string | void> =>
    ctx.mode === 'user' ? ctx.invalid() : r(ctx);

/**
 * System and interface views. Their mode names carry the view and the change mark
 * (`system*`, `if:GigabitEthernet0/3/0`), so the table sits with the global commands
 * and each handler checks the view itself.
 */
export const vrpSystemViewCommands: CommandTable = [
  ['commit', configOnly((ctx) => void commit(ctx))],
  ['return', configOnly(toUserView)],
  [
    'quit',
    configOnly((ctx) => {
      if (view(ctx) === 'system') return toUserView(ctx);
      ctx.mode = withMark(ctx, 'system');
      return '';
    }),
  ],
  [/^sysname (\S+)$/, configOnly((ctx) => void stage(ctx))],
  [/^interface (\S+)$/, configOnly((ctx) => void (ctx.mode = withMark(ctx, `if:${ctx.match![1]!}`)))],
  [
    /^(?:undo )?(?:description .+|shutdown|ip address .+|ipv6 address .+|mtu \d+|portswitch|port .+)$/,
    configOnly((ctx) => (view(ctx).startsWith('if:') ? void stage(ctx) : ctx.invalid())),
  ],
  [/^(?:undo )?(?:ospf|bgp|isis|ip route-static|vlan|info-center|ntp-service|snmp-agent|aaa|user-interface|stelnet|ssh)(?: .*)?$/, configOnly((ctx) => void stage(ctx))],
];

const known = literalCommands(vrpCommands, vrpUserViewCommands, vrpSystemViewCommands);
const errors = caretError(
  () => known,
  (ctx) => vrpPrompt(ctx.mode, ctx),
  {
    unknown: () => "Error: Unrecognized command found at '^' position.\n",
    ambiguous: () => "Error: Ambiguous command found at '^' position.\n",
    incomplete: () => "Error:Incomplete command found at '^' position.\n",
  },
);

export const vrpProfile: DeviceProfile = defineProfile({
  name: 'vrp',
  description: 'Huawei VRP 8 router: Username:/Password:, <r1> / [~r1] / [*r1] with commit, ---- More ---- pager, VRP captures',
  prompts: vrpPrompt,
  initialMode: 'user',
  login: {
    header: '\nLogin authentication\n\n\n',
    usernamePrompt: 'Username:',
    passwordPrompt: 'Password:',
    failureText: 'Error: Failed to authenticate.',
    lockoutText: 'Error: Failed to authenticate.',
  },
  motd:
    '\nInfo: The max number of VTY users is 5, the number of current VTY users online is 1, and total number of terminal users online is 1.\n' +
    '      The current login time is 2026-11-25 09:00:00+00:00.\n',
  pager: {
    pageLength: 24,
    prompt: '  ---- More ----',
    erase: (more) => `\x1b[${more.length}D${' '.repeat(more.length)}\x1b[${more.length}D`,
  },
  errors: { unknown: errors, ambiguous: errors },
  commands: [...vrpCommands, ...vrpSystemViewCommands],
  modeCommands: { user: vrpUserViewCommands },
  // `quit` in user view logs out (the user-view table); nothing else hangs up.
  exitCommands: [],
  sshVersion: 'SSH-2.0-HUAWEI-1.5',
  driver: 'vrp',
  probe: { command: 'display version', expect: 'Huawei Versatile Routing Platform Software' },
});

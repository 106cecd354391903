// A virtual Juniper Junos router: `login: `, `Password:`, `user@r1> `,
// `configure` -> `[edit]` + `user@r1# `, a `---(more N%)---` pager that
// `set cli screen-length 0` switches off, `error: unknown command`, `'i' is
// ambiguous.` with the possible completions, and the ntc-templates Junos captures.
import type { CommandContext, CommandTable, VirtualDeviceOptions } from '../types.js';
import { VirtualDevice } from '../virtual-device.js';
import { JUNOS_SHOW_INTERFACES_TERSE, junosShowVersion } from './junos-texts.js';
import { captureTable, type CaptureTableOptions, type CommandList } from './capture-table.js';
import { JUNIPER_JUNOS } from './captures/juniper-junos.js';
import { caretError } from './caret-errors.js';
import { literalCommands } from './cli-words.js';
import { mergeTables } from './merge.js';
import type { DeviceProfile, ProfileBuildOptions } from './profile.js';

export interface JunosDeviceOptions extends Omit<VirtualDeviceOptions, 'login'> {
  /** default 'user' */
  username?: string;
  /** default 'juniper' */
  password?: string;
}

/** `\r\nuser@r1> ` in operational mode; `\r\n[edit]\r\nuser@r1# ` in configuration mode. */
export function junosPrompt(mode: string, info: { hostname: string; username: string | undefined }): string {
  const who = `${info.username ?? 'root'}@${info.hostname}`;
  return mode === 'config' ? `\r\n[edit]\r\n${who}# ` : `\r\n${who}> `;
}

export function junosUnknownCommand(line: string, ctx: CommandContext): string {
  const column = `${ctx.username ?? 'root'}@${ctx.hostname}> `.length + (line.length - line.trimStart().length);
  return `${' '.repeat(column)}^\nerror: unknown command\n`;
}

function screenLength(ctx: CommandContext): string {
  const n = Number(ctx.match?.[1] ?? 0);
  ctx.pager.enabled = n > 0;
  if (n > 0) ctx.pager.pageLength = n;
  return `Screen length set to ${n}\n`;
}

export const junosOperationalCommands: CommandTable = [
  ['show version', (ctx) => junosShowVersion(ctx.hostname)],
  ['show interfaces terse', JUNOS_SHOW_INTERFACES_TERSE],
  ['set cli screen-length 0', screenLength],
  [/^set cli screen-length (\d+)$/, screenLength],
  [/^set cli screen-width (\d+)$/, (ctx) => `Screen width set to ${ctx.match![1]}\n`],
  ['set cli complete-on-space off', 'Disabling complete-on-space\n'],
  [/^set cli terminal (\S+)$/, (ctx) => `Terminal type set to '${ctx.match![1]}'\n`],
  ['set cli timestamp disable', ''],
  [
    'configure',
    (ctx) => {
      ctx.mode = 'config';
      return 'Entering configuration mode\n';
    },
  ],
];

/** How the Junos captures are served: without the `{master:0}` line of the captured switch's next prompt. */
export const JUNOS_CAPTURE_OPTIONS: CaptureTableOptions = { promptTail: /\{master(?::\d+)?\}\n?$/ };

/** The Junos captures, but for `show version` (written for this profile; other packages' tests rely on it). */
export const junosCaptureCommands: CommandList = captureTable(JUNIPER_JUNOS, { ...JUNOS_CAPTURE_OPTIONS, except: ['show version'] });

let known: string[] | undefined;
const junosKnown = () => (known ??= literalCommands(junosOperationalCommands, junosCaptureCommands, junosConfigCommands));

/** Junos's answer to an abbreviation that fits several words: a caret under it and the candidates. */
export const junosAmbiguousCommand = caretError(junosKnown, (ctx) => `${ctx.username ?? 'root'}@${ctx.hostname}> `, {
  ambiguous: (f) => `'${f.word}' is ambiguous.\nPossible completions:\n${f.candidates.map((c) => `  ${c}\n`).join('')}`,
  unknown: () => 'error: unknown command\n',
  incomplete: () => 'error: unknown command\n',
});

const leaveConfig = (ctx: CommandContext) => {
  ctx.mode = 'operational';
  return 'Exiting configuration mode\n';
};

export const junosConfigCommands: CommandTable = [
  ['exit', leaveConfig],
  ['exit configuration-mode', leaveConfig],
  ['quit', leaveConfig],
  ['commit', 'commit complete\n'],
  [/^(?:set|delete) \S.*$/, ''],
];

/** The VirtualDeviceOptions of the Junos profile, for families that derive their own device from it. */
export function junosOptions(opts: JunosDeviceOptions = {}): VirtualDeviceOptions {
  const { username = 'user', password = 'juniper', ...rest } = opts;
  const hostname = rest.hostname ?? 'r1';
  return {
    hostname,
    banner: `\n${hostname} (ttyp0)\n\n`,
    motd: '\n--- JUNOS 21.4R3.15 Kernel 64-bit  JNPR-12.1-20230127.3a32f79_buil\n',
    prompt: junosPrompt,
    initialMode: 'operational',
    abbreviations: true,
    unknownCommand: junosUnknownCommand,
    ambiguousCommand: junosAmbiguousCommand,
    pager: {
      pageLength: 24,
      prompt: (shown, total) => `---(more ${Math.floor((shown * 100) / total)}%)---`,
      erase: (more) => `\r${' '.repeat(more.length)}\r`,
    },
    exitCommands: ['exit', 'quit'],
    ...rest,
    login: {
      style: 'username+password',
      username,
      password,
      usernamePrompt: 'login: ',
      passwordPrompt: 'Password:',
      failureText: 'Login incorrect',
      lockoutText: 'Login incorrect',
    },
    commands: mergeTables([...(junosOperationalCommands as CommandList), ...junosCaptureCommands], rest.commands),
    modeCommands: { ...rest.modeCommands, config: mergeTables(junosConfigCommands, rest.modeCommands?.['config']) },
  };
}

/** A virtual Junos router (defaults: r1, user/juniper). */
export function junosDevice(opts: JunosDeviceOptions = {}): VirtualDevice {
  return new VirtualDevice(junosOptions(opts));
}

/** The Junos profile for the registry and the simulator (credentials default to admin/admin there). */
export const junosProfile: DeviceProfile = {
  name: 'junos',
  description: 'Juniper Junos MX router: login:/Password:, user@r1> / [edit] user@r1#, ---(more N%)--- pager',
  sshVersion: 'SSH-2.0-OpenSSH_7.5',
  driver: 'junos',
  probe: { command: 'show version', expect: 'Junos: 21.4R3.15' },
  options: (o: ProfileBuildOptions = {}) => {
    const options = junosOptions({
      ...o.overrides,
      ...(o.hostname !== undefined ? { hostname: o.hostname } : {}),
      username: o.username ?? 'admin',
      password: o.password ?? 'admin',
    });
    if (o.loginStyle === undefined || o.loginStyle === 'username+password') return options;
    return { ...options, login: { ...options.login!, style: o.loginStyle } };
  },
};

// A virtual Cisco IOS router: `User Access Verification`, `Username: `/`Password: `,
// `r1>`, `enable` -> `r1#`, `configure terminal` -> `r1(config)#`, a 24-line
// `--More--` pager that `terminal length 0` switches off, IOS abbreviations, and
// the ntc-templates IOS captures for every command it does not write itself.
import type { CommandContext, CommandTable, LoginStyle, VirtualDeviceOptions } from '../types.js';
import { VirtualDevice } from '../virtual-device.js';
import { IOS_SHOW_CLOCK, IOS_SHOW_IP_INTERFACE_BRIEF, iosRunningConfig, iosShowVersion } from './ios-texts.js';
import { captureTable, type CommandList } from './capture-table.js';
import { CISCO_IOS } from './captures/cisco-ios.js';
import { mergeTables } from './merge.js';
import type { DeviceProfile, ProfileBuildOptions } from './profile.js';

export interface IosDeviceOptions extends Omit<VirtualDeviceOptions, 'login' | 'enable'> {
  /** default 'username+password' */
  loginStyle?: LoginStyle;
  /** default 'admin' */
  username?: string;
  /** default 'admin' */
  password?: string;
  /** The enable secret; default 'enable'. null: `enable` asks nothing. */
  enablePassword?: string | null;
  /** Enable with AAA: ask `Username: ` too (this name) before the password. */
  enableUsername?: string;
}

/** `r1>` in user mode, `r1#` in enable mode, `r1(config)#` / `r1(config-if)#` in config modes. */
export function iosPrompt(mode: string, info: { hostname: string }): string {
  if (mode === 'user') return `${info.hostname}>`;
  if (mode === 'enable') return `${info.hostname}#`;
  return `${info.hostname}(${mode})#`;
}

/** IOS's answer to an unknown command: a caret under the bad word. */
export function iosInvalidInput(line: string, ctx: CommandContext): string {
  const column = iosPrompt(ctx.mode, ctx).length + (line.length - line.trimStart().length);
  return `${' '.repeat(column)}^\n% Invalid input detected at '^' marker.\n\n`;
}

function terminalLength(ctx: CommandContext): string {
  const n = Number(ctx.match?.[1] ?? ctx.words[2]);
  ctx.pager.enabled = n > 0;
  if (n > 0) ctx.pager.pageLength = n;
  return '';
}

/** Commands every mode outside configuration knows. */
export const iosExecCommands: CommandTable = [
  ['show version', (ctx) => iosShowVersion(ctx.hostname)],
  ['show clock', IOS_SHOW_CLOCK],
  ['show ip interface brief', IOS_SHOW_IP_INTERFACE_BRIEF],
  ['terminal length 0', terminalLength],
  [/^terminal length (\d+)$/, terminalLength],
  ['terminal width 0', ''],
  [/^terminal width (\d+)$/, ''],
  ['terminal monitor', ''],
  [/^(?:show|terminal)$/, '% Incomplete command.\n'],
];

/** The IOS captures, but for the outputs above (written for this profile; other packages' tests rely on them). */
export const iosCaptureCommands: CommandList = captureTable(CISCO_IOS, { except: ['show version', 'show clock'] });

export const iosEnableCommands: CommandTable = [
  ['show running-config', (ctx) => iosRunningConfig(ctx.hostname)],
  [
    'configure terminal',
    (ctx) => {
      ctx.mode = 'config';
      return 'Enter configuration commands, one per line.  End with CNTL/Z.\n';
    },
  ],
  [
    'disable',
    (ctx) => {
      ctx.mode = 'user';
    },
  ],
];

const toEnable = (ctx: CommandContext) => {
  ctx.mode = 'enable';
};

export const iosConfigCommands: CommandTable = [
  [
    /^hostname (\S+)$/,
    (ctx) => {
      ctx.hostname = ctx.match![1]!;
    },
  ],
  [
    /^interface (\S+(?: \S+)?)$/,
    (ctx) => {
      ctx.mode = 'config-if';
    },
  ],
  ['end', toEnable],
  ['exit', toEnable],
  [/^(?:no )?(?:ip|logging|ntp|snmp-server|service|username|banner) .+$/, ''],
];

export const iosInterfaceCommands: CommandTable = [
  ['end', toEnable],
  [
    'exit',
    (ctx) => {
      ctx.mode = 'config';
    },
  ],
  [/^(?:no )?(?:ip address .+|description .+|shutdown)$/, ''],
];

/** The VirtualDeviceOptions of the IOS profile, for families that derive their own device from it. */
export function iosOptions(opts: IosDeviceOptions = {}): VirtualDeviceOptions {
  const { loginStyle = 'username+password', username = 'admin', password = 'admin', enablePassword = 'enable', enableUsername, ...rest } = opts;
  const login: VirtualDeviceOptions['login'] = {
    style: loginStyle,
    header: '\nUser Access Verification\n\n',
    usernamePrompt: 'Username: ',
    passwordPrompt: 'Password: ',
    ...(loginStyle === 'username' || loginStyle === 'username+password' || loginStyle === 'skey' ? { username } : {}),
    ...(loginStyle === 'password' || loginStyle === 'username+password' || loginStyle === 'skey' ? { password } : {}),
    ...(loginStyle === 'password' ? { failureText: '', lockoutText: '% Bad passwords' } : {}),
  };
  return {
    hostname: 'r1',
    prompt: iosPrompt,
    abbreviations: true,
    unknownCommand: iosInvalidInput,
    pager: { pageLength: 24, prompt: ' --More-- ' },
    exitCommands: ['exit', 'logout', 'quit'],
    ...rest,
    login,
    enable: {
      ...(enablePassword !== null ? { password: enablePassword } : {}),
      ...(enableUsername !== undefined ? { style: 'username+password' as const, username: enableUsername } : {}),
    },
    commands: mergeTables([...(iosExecCommands as CommandList), ...iosCaptureCommands], rest.commands),
    modeCommands: {
      ...rest.modeCommands,
      enable: mergeTables(iosEnableCommands, rest.modeCommands?.['enable']),
      config: mergeTables(iosConfigCommands, rest.modeCommands?.['config']),
      'config-if': mergeTables(iosInterfaceCommands, rest.modeCommands?.['config-if']),
    },
  };
}

/** A virtual IOS router (defaults: r1, admin/admin, enable secret 'enable'). */
export function iosDevice(opts: IosDeviceOptions = {}): VirtualDevice {
  return new VirtualDevice(iosOptions(opts));
}

/** The SSH identification string of IOS and IOS-XE. */
export const IOS_SSH_VERSION = 'SSH-2.0-Cisco-1.25';

/** IosDeviceOptions from a fleet's build options (the IOS family's profiles share it). */
export function iosBuildOptions(o: ProfileBuildOptions = {}): IosDeviceOptions {
  return {
    ...o.overrides,
    ...(o.hostname !== undefined ? { hostname: o.hostname } : {}),
    ...(o.loginStyle !== undefined ? { loginStyle: o.loginStyle } : {}),
    username: o.username ?? 'admin',
    password: o.password ?? 'admin',
    ...(o.enablePassword !== undefined ? { enablePassword: o.enablePassword } : {}),
  };
}

/** The IOS profile for the registry and the simulator. */
export const iosProfile: DeviceProfile = {
  name: 'ios',
  description: 'Cisco IOS 15 router: Username/Password, r1> / r1# / r1(config)#, --More-- pager, IOS abbreviations, IOS captures',
  sshVersion: IOS_SSH_VERSION,
  driver: 'ios',
  probe: { command: 'show version', expect: 'Cisco IOS Software' },
  // Like defineProfile's profiles, the device reports the SSH identification string (DummyTransport's getRemoteVersion).
  options: (o: ProfileBuildOptions = {}) => iosOptions({ remoteVersion: IOS_SSH_VERSION, ...iosBuildOptions(o) }),
};

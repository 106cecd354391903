// A virtual Linux host (Ubuntu 22.04, bash): `r1 login: ` / `Password: `, the Ubuntu
// welcome text, `admin@r1:~$ `, `sudo -s` with `[sudo] password for admin: ` ->
// `root@r1:/home/admin# ` (`exit` goes back; sudo takes the fleet's enable password), no pager and no abbreviations (bash
// runs what is typed; `ip` itself takes `ip a`, `ip r`, `ip l`), `-bash: foo: command
// not found`, and the ntc-templates Linux captures.
import type { CommandContext, CommandTable, PromptInfo } from '../types.js';
import { captureTable, type CaptureTableOptions, type CommandList } from './capture-table.js';
import { LINUX } from './captures/linux.js';
import { withHostLoginPrompt } from './host-login.js';
import { defineProfile, modeSwitch, type DeviceProfile, type ProfileBuildOptions } from './profile.js';

export const LINUX_CAPTURE_OPTIONS: CaptureTableOptions = {};

/** `admin@r1:~$ ` as the user; `root@r1:/home/admin# ` after `sudo -s`. */
export function linuxPrompt(mode: string, info: PromptInfo): string {
  const user = info.username ?? 'admin';
  return mode === 'root' ? `root@${info.hostname}:/home/${user}# ` : `${user}@${info.hostname}:~$ `;
}

/** Every prefix of a word (`a`, `ad`, ... `address`): `ip` takes any of them. */
const prefixes = (word: string) => Array.from({ length: word.length }, (_, n) => word.slice(0, n + 1));

/** `ip` accepts any prefix of its objects and of `show`, which is also the default. */
function ipAliases(object: 'address' | 'link' | 'route'): CommandList {
  const text = LINUX[`ip ${object} show`]!;
  return prefixes(object).flatMap((o) => [[`ip ${o}`, text] as const, ...prefixes('show').map((v) => [`ip ${o} ${v}`, text] as const)]);
}

export const linuxCommands: CommandTable = [
  ...captureTable(LINUX, LINUX_CAPTURE_OPTIONS),
  ...ipAliases('address'),
  ...ipAliases('link'),
  ...ipAliases('route'),
  ['hostname', (ctx) => `${ctx.hostname}\n`],
  ['uname -n', (ctx) => `${ctx.hostname}\n`],
  ['whoami', (ctx) => `${ctx.mode === 'root' ? 'root' : (ctx.username ?? 'admin')}\n`],
  [/^stty .+$/, ''],
  [/^export \S.*$/, ''],
  [/^(?:true|:)$/, ''],
];

/** bash names the program it could not find; `ip` names the object it does not know. */
function commandNotFound(line: string, ctx: CommandContext): string {
  const [program, object] = line.trim().split(/\s+/);
  if (program === 'ip' && object !== undefined) return `Object "${object}" is unknown, try "ip help".\n`;
  return `${ctx.mode === 'root' ? 'bash' : '-bash'}: ${program}: command not found\n`;
}

const spec = defineProfile({
  name: 'linux',
  description: 'Linux host (Ubuntu 22.04, bash): login:/Password:, admin@r1:~$, sudo -s -> root@r1:/home/admin#, no pager, Linux captures',
  prompts: linuxPrompt,
  initialMode: 'user',
  login: { passwordPrompt: 'Password: ', failureText: '\nLogin incorrect', lockoutText: '\nLogin incorrect' },
  motd: [
    'Welcome to Ubuntu 22.04.4 LTS (GNU/Linux 5.15.0-105-generic x86_64)',
    '',
    ' * Documentation:  https://help.ubuntu.com',
    ' * Management:     https://landscape.canonical.com',
    ' * Support:        https://ubuntu.com/pro',
    '',
    'Last login: Wed Nov 25 07:00:00 2026 from 192.0.2.10',
    '',
  ].join('\n'),
  enable: { command: 'sudo -s', fromModes: ['user'], toMode: 'root', failureText: 'sudo: 3 incorrect password attempts' },
  errors: { unknown: commandNotFound },
  commands: linuxCommands,
  modeCommands: { root: [['exit', modeSwitch('user')]] },
  abbreviations: false,
  exitCommands: ['exit', 'logout'],
  sshVersion: 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6',
  driver: 'linux',
  probe: { command: 'ip route show', expect: 'default via 10.0.0.4 dev brblue' },
});

/**
 * The Linux profile: getty's `<hostname> login: `; `sudo -s` asks in the user's name.
 * It takes the fleet's enable password (a real host takes the user's own), so netx's
 * authorization password (Account password2) works as on the other platforms.
 */
const withLogin = withHostLoginPrompt(spec, (host) => `${host} login: `);
export const linuxProfile: DeviceProfile = {
  ...withLogin,
  options(o: ProfileBuildOptions = {}) {
    const options = withLogin.options(o);
    return { ...options, enable: { ...options.enable, passwordPrompt: `[sudo] password for ${o.username ?? 'admin'}: ` } };
  },
};

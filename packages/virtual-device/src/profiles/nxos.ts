// A virtual Cisco Nexus switch (NX-OS 9): `User Access Verification` and
// `r1 login: ` on telnet, the NX-OS copyright banner, straight into `r1# ` (no
// enable), `configure terminal` -> `r1(config)# `, `interface` -> `r1(config-if)# `,
// a `--More--` pager that `terminal length 0` turns off, `% Invalid command at '^'
// marker.` with the caret under the bad word, and the ntc-templates NX-OS captures.
import type { CommandContext, CommandTable, PromptInfo } from '../types.js';
import { captureTable, type CaptureTableOptions } from './capture-table.js';
import { CISCO_NXOS } from './captures/cisco-nxos.js';
import { caretError } from './caret-errors.js';
import { literalCommands } from './cli-words.js';
import { withHostLoginPrompt } from './host-login.js';
import { defineProfile, modeSwitch, type DeviceProfile } from './profile.js';

const PROMPTS: Readonly<Record<string, string>> = {
  exec: '{hostname}# ',
  config: '{hostname}(config)# ',
  'config-if': '{hostname}(config-if)# ',
};

/** `r1# `, `r1(config)# `, `r1(config-if)# `. */
export function nxosPrompt(mode: string, info: PromptInfo): string {
  return (PROMPTS[mode] ?? PROMPTS['exec']!).replaceAll('{hostname}', info.hostname);
}

/** The login banner NX-OS prints after authentication: the head of its `show version`. */
const NXOS_BANNER = CISCO_NXOS['show version']!.split('\n').slice(0, 19).join('\n') + '\n';

/** How the NX-OS captures are served: the host name in `show version`, no captured prompt lines. */
export const NXOS_CAPTURE_OPTIONS: CaptureTableOptions = {
  hostname: { 'show version': /^ {2}Device name: (\S+)$/m },
  echoLine: ['show ip ospf neighbor', 'show flogi database'],
};
const captured = captureTable(CISCO_NXOS, NXOS_CAPTURE_OPTIONS);

export const nxosExecCommands: CommandTable = [
  [/^terminal width (\d+)$/, ''],
  ['terminal monitor', ''],
  ...captured,
];

const toExec = modeSwitch('exec');
export const nxosConfigCommands: CommandTable = [
  [/^(?:hostname|switchname) (\S+)$/, (ctx: CommandContext) => void (ctx.hostname = ctx.match![1]!)],
  [/^interface (\S+(?: \S+)?)$/, modeSwitch('config-if')],
  [/^(?:no )?(?:feature|ip|ipv6|vlan|logging|ntp|snmp-server|username|spanning-tree|vrf) .+$/, ''],
];

export const nxosInterfaceCommands: CommandTable = [
  ['end', toExec],
  ['exit', modeSwitch('config')],
  [/^(?:no )?(?:description .+|shutdown|switchport(?: .+)?|ip address .+|mtu \d+|channel-group .+)$/, ''],
];

const known = literalCommands(nxosExecCommands, nxosConfigCommands, nxosInterfaceCommands, { 'configure terminal': '', 'terminal length 0': '' });
const errors = caretError(
  () => known,
  (ctx) => nxosPrompt(ctx.mode, ctx),
  {
    unknown: () => "% Invalid command at '^' marker.\n",
    ambiguous: () => "% Ambiguous command at '^' marker.\n",
    incomplete: () => "% Incomplete command at '^' marker.\n",
  },
);
const spec = defineProfile({
  name: 'nxos',
  description: 'Cisco Nexus 9000 (NX-OS): login:/Password:, r1# / r1(config)#, --More-- pager, NX-OS captures',
  prompts: nxosPrompt,
  initialMode: 'exec',
  login: {
    header: 'User Access Verification\n',
    passwordPrompt: 'Password: ',
    failureText: 'Login incorrect',
    lockoutText: 'Login incorrect',
  },
  motd: NXOS_BANNER,
  config: {
    command: 'configure terminal',
    text: 'Enter configuration commands, one per line. End with CNTL/Z.\n',
    fromModes: ['exec'],
    exits: { end: 'exec', exit: 'exec' },
  },
  pager: {
    pageLength: 24,
    prompt: '--More--',
    erase: '\r        \r',
    lengthCommands: ['terminal length 0', /^terminal length (\d+)$/],
  },
  errors: { unknown: errors, ambiguous: errors },
  commands: nxosExecCommands,
  modeCommands: { config: nxosConfigCommands, 'config-if': nxosInterfaceCommands },
  exitCommands: ['exit', 'logout'],
  sshVersion: 'SSH-2.0-OpenSSH_8.3',
  driver: 'nxos',
  probe: { command: 'show version', expect: 'Cisco Nexus Operating System (NX-OS) Software' },
});

/** The NX-OS profile; its telnet login asks `<hostname> login: `. */
export const nxosProfile: DeviceProfile = withHostLoginPrompt(spec, (host) => `${host} login: `);

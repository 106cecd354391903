// A virtual Arista EOS switch (4.2x): `localhost login: ` (EOS's factory host
// name), `Password: `, `localhost>`, `enable` -> `localhost#`, `configure` ->
// `localhost(config)#`, `interface Ethernet1` -> `localhost(config-if-Et1)#`, a
// ` --More-- ` pager that `terminal length 0` turns off (`Pagination disabled.`),
// caret-less errors (`% Invalid input (at token 1: 'foo')`, `% Incomplete command`,
// `% Ambiguous command`), and the ntc-templates EOS captures.
import type { CommandContext, CommandTable, PromptInfo } from '../types.js';
import { captureTable, type CaptureTableOptions } from './capture-table.js';
import { ARISTA_EOS } from './captures/arista-eos.js';
import { literalCommands, locateFault } from './cli-words.js';
import { withHostLoginPrompt } from './host-login.js';
import { defineProfile, modeSwitch, type DeviceProfile } from './profile.js';

/** `r1>` (user), `r1#` (enable), `r1(config)#`, `r1(config-if-Et1)#`. */
export function eosPrompt(mode: string, info: PromptInfo): string {
  if (mode === 'user') return `${info.hostname}>`;
  if (mode === 'enable') return `${info.hostname}#`;
  return `${info.hostname}(${mode})#`;
}

export const EOS_CAPTURE_OPTIONS: CaptureTableOptions = {
  // The capture begins with the captured session's `eos-spine1#show hostname` line.
  echoLine: ['show hostname'],
  hostname: { 'show hostname': /^(?:Hostname|FQDN): +([\w-]+)/m },
};

function pagination(ctx: CommandContext): string {
  const n = Number(ctx.match?.[1] ?? 0);
  ctx.pager.enabled = n > 0;
  if (n > 0) ctx.pager.pageLength = n;
  return n > 0 ? `Pagination set to ${n} lines.\n` : 'Pagination disabled.\n';
}

/** `Et1`, `Ma1`, `Po10`: EOS shortens the interface name in the prompt to two letters. */
const shortName = (name: string) => name.replace(/^([A-Za-z]{2})[A-Za-z-]*\s*/, '$1');

export const eosExecCommands: CommandTable = [
  ['terminal length 0', pagination],
  [/^terminal length (\d+)$/, pagination],
  [/^terminal width (\d+)$/, (ctx) => `Width set to ${ctx.match![1]} columns.\n`],
  ['terminal dont-ask', ''],
  ['terminal monitor', ''],
  ...captureTable(ARISTA_EOS, EOS_CAPTURE_OPTIONS),
];

export const eosConfigCommands: CommandTable = [
  [/^hostname (\S+)$/, (ctx) => void (ctx.hostname = ctx.match![1]!)],
  [/^interface (\S+(?: \S+)?)$/, (ctx) => void (ctx.mode = `config-if-${shortName(ctx.match![1]!)}`)],
  [/^(?:no )?(?:ip|ipv6|vlan|logging|ntp|snmp-server|username|spanning-tree|vrf|router|management) .+$/, ''],
];

/** In an interface mode: `exit` back to config, `end` to enable, attribute lines accepted. */
const interfaceLine = (ctx: CommandContext): string | undefined => {
  if (!ctx.mode.startsWith('config-if-')) {
    // Outside an interface these lines mean nothing, except `exit`, which logs out.
    if (ctx.command !== 'exit') return ctx.invalid();
    ctx.close();
    return '';
  }
  if (ctx.command === 'exit') ctx.mode = 'config';
  else if (ctx.command === 'end') ctx.mode = 'enable';
  return '';
};
const interfaceCommands: CommandTable = [[/^(?:exit|end|(?:no )?(?:description .+|shutdown|switchport(?: .+)?|ip address .+|mtu \d+|channel-group .+))$/, interfaceLine]];

const known = literalCommands(eosExecCommands, eosConfigCommands, { enable: '', disable: '', 'configure terminal': '' });

/** EOS names the first token it could not use (counting from 0), and draws no caret. */
function eosError(line: string): string {
  const f = locateFault(line, known);
  if (f.kind === 'ambiguous') return '% Ambiguous command\n';
  if (f.kind === 'incomplete') return '% Incomplete command\n';
  return `% Invalid input (at token ${f.index}: '${f.word}')\n`;
}

const spec = defineProfile({
  name: 'eos',
  description: 'Arista EOS switch: localhost login:/Password:, localhost> / # / (config)#, --More-- pager, EOS captures',
  hostname: 'localhost',
  prompts: eosPrompt,
  initialMode: 'user',
  login: { passwordPrompt: 'Password: ', failureText: 'Login incorrect', lockoutText: 'Login incorrect' },
  enable: { command: 'enable', passwordPrompt: 'Password: ', failureText: '% Bad secret' },
  config: { command: 'configure terminal', fromModes: ['enable'], exits: { end: 'enable', exit: 'enable' } },
  pager: { pageLength: 24, prompt: ' --More-- ' },
  errors: { unknown: eosError, ambiguous: eosError },
  commands: [...eosExecCommands, ...interfaceCommands],
  modeCommands: {
    enable: [
      ['configure', modeSwitch('config')],
      ['disable', modeSwitch('user')],
    ],
    config: eosConfigCommands,
  },
  exitCommands: ['exit', 'logout', 'quit'],
  sshVersion: 'SSH-2.0-OpenSSH_7.8',
  driver: 'eos',
  probe: { command: 'show version', expect: 'Arista vEOS' },
});

/** The EOS profile; its telnet login asks `<hostname> login: ` (Linux underneath). */
export const eosProfile: DeviceProfile = withHostLoginPrompt(spec, (host) => `${host} login: `);

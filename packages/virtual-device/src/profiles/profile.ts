// The profile format: what a platform's virtual device looks like (prompts per
// mode, login dialogue, enable, configuration mode, pager, error texts, command
// table) as data, plus the credentials and host name a fleet gives each device.
import type {
  CommandContext,
  CommandResponse,
  CommandTable,
  EnableOptions,
  LoginOptions,
  LoginStyle,
  PagerOptions,
  PromptInfo,
  VirtualDeviceOptions,
} from '../types.js';
import { mergeTables } from './merge.js';

/** What a fleet chooses per device; every profile understands these. */
export interface ProfileBuildOptions {
  /** default: the profile's ('r1') */
  hostname?: string;
  /** default 'admin' */
  username?: string;
  /** default 'admin' */
  password?: string;
  /** default 'enable'; null: the enable command asks nothing */
  enablePassword?: string | null;
  /** The device's own login dialogue style. default: the profile's ('username+password' for most) */
  loginStyle?: LoginStyle;
  /** More VirtualDeviceOptions: their commands are tried before the profile's, other fields replace the profile's. */
  overrides?: VirtualDeviceOptions;
}

/** A platform: a name and a function from build options to device options. */
export interface DeviceProfile {
  /** Registry key, lower case (`ios`, `junos`, `nxos`). */
  readonly name: string;
  readonly description: string;
  /** The SSH identification string the real platform sends (e.g. 'SSH-2.0-Cisco-1.25'), for servers that imitate it. */
  readonly sshVersion?: string;
  /** The device's own login dialogue runs again after SSH authentication (Enterasys-style). default false */
  readonly loginAfterSshAuth?: boolean;
  /** The netx driver that talks to this platform (`ios`, `junos`, ...), for tests and tools; none: guessed. */
  readonly driver?: string;
  /** A command every device of the profile answers and a text its output contains (simulator self-tests). */
  readonly probe?: { readonly command: string; readonly expect: string };
  options(opts?: ProfileBuildOptions): VirtualDeviceOptions;
}

/** The configuration mode: the command entering it and the commands leaving it. */
export interface ConfigModeSpec {
  /** default 'configure terminal' */
  readonly command?: string;
  /** default 'config' */
  readonly mode?: string;
  /** Modes the command works in. default: the enable target mode, else the initial mode */
  readonly fromModes?: readonly string[];
  /** Printed on entering. default '' */
  readonly text?: string;
  /** Leaving commands and the mode each returns to. default { end: <from>, exit: <from> } */
  readonly exits?: Readonly<Record<string, string>>;
  /** Printed on leaving. default '' */
  readonly exitText?: string;
}

/** A profile described as data; `defineProfile` turns it into a DeviceProfile. */
export interface ProfileSpec {
  readonly name: string;
  readonly description: string;
  /** default 'r1' */
  readonly hostname?: string;
  /** Prompt per mode, with `{hostname}` and `{username}` filled in; or a function of mode and session. */
  readonly prompts: Readonly<Record<string, string>> | ((mode: string, info: PromptInfo) => string);
  /** default: the first mode of `prompts` (or 'user' with a prompt function) */
  readonly initialMode?: string;
  readonly banner?: string;
  readonly motd?: string;
  /** The login dialogue; credentials come from ProfileBuildOptions. default style 'username+password' */
  readonly login?: Omit<LoginOptions, 'username' | 'password' | 'accounts' | 'style'> & { readonly style?: LoginStyle };
  /** Privilege escalation; its password is ProfileBuildOptions.enablePassword. Omit for platforms without one. */
  readonly enable?: Omit<EnableOptions, 'password' | 'username'>;
  readonly config?: ConfigModeSpec;
  /** The pager, and the commands that set its length (a `(\d+)` group; 0 or no group: off). */
  readonly pager?: PagerOptions & { readonly lengthCommands?: readonly (string | RegExp)[] };
  /** Unknown / ambiguous command answers (`{command}` is filled in). */
  readonly errors?: {
    readonly unknown?: string | ((line: string, ctx: CommandContext) => string);
    readonly ambiguous?: string | ((line: string, ctx: CommandContext) => string);
  };
  /** Commands of every mode (canned outputs or handlers). */
  readonly commands?: CommandTable;
  /** Commands of one mode, tried before `commands`. */
  readonly modeCommands?: Readonly<Record<string, CommandTable>>;
  /** default true */
  readonly abbreviations?: boolean;
  /** default ['exit', 'logout', 'quit'] */
  readonly exitCommands?: readonly string[];
  readonly newline?: string;
  readonly sshVersion?: string;
  readonly loginAfterSshAuth?: boolean;
  readonly driver?: string;
  readonly probe?: { readonly command: string; readonly expect: string };
}

const fill = (template: string, info: PromptInfo) =>
  template.replaceAll('{hostname}', info.hostname).replaceAll('{username}', info.username ?? 'admin');

function errorText(v: string | ((line: string, ctx: CommandContext) => string) | undefined) {
  if (v === undefined || typeof v === 'function') return v;
  return (line: string) => v.replaceAll('{command}', line.trim());
}

/** A handler setting the pager length from `(\d+)` in the command (0, or no number: off). */
export function pagerLengthHandler(text = ''): CommandResponse {
  return (ctx) => {
    const n = Number(ctx.match?.[1] ?? 0);
    ctx.pager.enabled = n > 0;
    if (n > 0) ctx.pager.pageLength = n;
    return text;
  };
}

/** A handler switching to `mode` and printing `text`. */
export function modeSwitch(mode: string, text = ''): CommandResponse {
  return (ctx) => {
    ctx.mode = mode;
    return text;
  };
}

function loginOptions(spec: ProfileSpec, o: ProfileBuildOptions): LoginOptions {
  const style = o.loginStyle ?? spec.login?.style ?? 'username+password';
  const asksName = style === 'username' || style === 'username+password' || style === 'skey';
  const asksPassword = style === 'password' || style === 'username+password' || style === 'skey';
  return {
    ...spec.login,
    style,
    ...(asksName ? { username: o.username ?? 'admin' } : {}),
    ...(asksPassword ? { password: o.password ?? 'admin' } : {}),
  };
}

/** Turns a ProfileSpec into a DeviceProfile. */
export function defineProfile(spec: ProfileSpec): DeviceProfile {
  const prompts = spec.prompts;
  const initialMode = spec.initialMode ?? (typeof prompts === 'function' ? 'user' : (Object.keys(prompts)[0] ?? 'user'));
  const prompt =
    typeof prompts === 'function'
      ? prompts
      : (mode: string, info: PromptInfo) => fill(prompts[mode] ?? prompts[initialMode] ?? '{hostname}> ', info);
  const modeTables: Record<string, CommandTable[]> = {};
  const addTo = (mode: string, table: CommandTable) => (modeTables[mode] ??= []).push(table);
  for (const [mode, table] of Object.entries(spec.modeCommands ?? {})) addTo(mode, table);
  const enableMode = spec.enable ? (spec.enable.toMode ?? 'enable') : undefined;
  if (spec.config) {
    const c = spec.config;
    const mode = c.mode ?? 'config';
    const from = c.fromModes ?? [enableMode ?? initialMode];
    for (const m of from) addTo(m, [[c.command ?? 'configure terminal', modeSwitch(mode, c.text ?? '')]]);
    const exits = c.exits ?? { end: from[0]!, exit: from[0]! };
    addTo(mode, Object.entries(exits).map(([cmd, to]) => [cmd, modeSwitch(to, c.exitText ?? '')] as const));
  }
  const lengthCommands = spec.pager?.lengthCommands ?? [];
  const common: CommandTable = [...lengthCommands.map((k) => [k, pagerLengthHandler()] as const)];
  const errors = spec.errors ?? {};
  const unknownCommand = errorText(errors.unknown);
  const ambiguousCommand = errorText(errors.ambiguous);
  const { lengthCommands: _l, ...pager } = spec.pager ?? {};
  return {
    name: spec.name,
    description: spec.description,
    ...(spec.sshVersion !== undefined ? { sshVersion: spec.sshVersion } : {}),
    ...(spec.loginAfterSshAuth !== undefined ? { loginAfterSshAuth: spec.loginAfterSshAuth } : {}),
    ...(spec.driver !== undefined ? { driver: spec.driver } : {}),
    ...(spec.probe !== undefined ? { probe: spec.probe } : {}),
    options(o: ProfileBuildOptions = {}): VirtualDeviceOptions {
      const user = o.overrides ?? {};
      const enablePassword = o.enablePassword === undefined ? 'enable' : o.enablePassword;
      const modeCommands: Record<string, CommandTable> = {};
      for (const mode of new Set([...Object.keys(modeTables), ...Object.keys(user.modeCommands ?? {})])) {
        const profileTables = (modeTables[mode] ?? []).reduce<CommandTable>((all, t) => mergeTables(all, t), []);
        modeCommands[mode] = mergeTables(profileTables, user.modeCommands?.[mode]);
      }
      return {
        hostname: spec.hostname ?? 'r1',
        prompt,
        initialMode,
        abbreviations: spec.abbreviations ?? true,
        ...(spec.banner !== undefined ? { banner: spec.banner } : {}),
        ...(spec.motd !== undefined ? { motd: spec.motd } : {}),
        ...(unknownCommand ? { unknownCommand } : {}),
        ...(ambiguousCommand ? { ambiguousCommand } : {}),
        ...(spec.pager ? { pager } : {}),
        ...(spec.exitCommands ? { exitCommands: spec.exitCommands } : {}),
        ...(spec.newline !== undefined ? { newline: spec.newline } : {}),
        ...(spec.sshVersion !== undefined ? { remoteVersion: spec.sshVersion } : {}),
        ...user,
        ...(o.hostname !== undefined ? { hostname: o.hostname } : {}),
        login: user.login ?? loginOptions(spec, o),
        ...(spec.enable ? { enable: { ...spec.enable, ...(enablePassword !== null ? { password: enablePassword } : {}) } } : {}),
        commands: mergeTables(mergeTables(spec.commands ?? [], common), user.commands),
        modeCommands,
      };
    },
  };
}

// The fleet description file (YAML, or JSON which YAML reads too): groups of
// devices expanded into SimDeviceSpecs. Every mistake is one SimConfigError
// naming the file and the line of the offending value.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { profileNames, profiles, type LoginStyle } from '@netx/virtual-device';
import { SimConfigError } from './errors.js';
import { resolveFaults, type FaultSpec } from './faults.js';
import { SIM_PROTOCOLS, type FleetOptions, type SimProtocol } from './fleet.js';
import { SSH_AUTH_METHODS, type SimDeviceSpec, type SshAuthMethod } from './sim-device.js';

/** One group of devices in a fleet file (`count` devices named from a `{n}` template); the rest as in SimDeviceSpec. */
export interface FleetGroup extends Omit<SimDeviceSpec, 'name' | 'profile' | 'ports' | 'overrides'> {
  /** Name, or template with `{n}` (1-based, from `start`). default 'r{n}' */
  name?: string;
  /** default 1 */
  count?: number;
  /** First `{n}`. default 1 */
  start?: number;
  /** One profile, or several dealt round-robin. default 'ios' */
  profile?: string;
  profiles?: string[];
  /** Base ports: device i of the group listens on base + i. */
  ports?: Partial<Record<SimProtocol, number>>;
  /** Extra canned outputs: command -> text (abbreviations work as for the profile's). */
  commands?: Record<string, string>;
}

export interface FleetDescription {
  host?: string;
  /** Relative to the file. */
  hostKeyFile?: string;
  shared?: Partial<Record<SimProtocol, number>>;
  /** The shared ports' index file (logins -> devices), relative to the file. */
  indexFile?: string;
  /** Settings every group starts from. */
  defaults?: Omit<FleetGroup, 'name' | 'count' | 'start' | 'ports'>;
  groups: FleetGroup[];
}

const TOP = ['host', 'hostKeyFile', 'shared', 'indexFile', 'defaults', 'groups'];
const GROUP = ['name', 'count', 'start', 'profile', 'profiles', 'ports', 'username', 'password', 'enablePassword', 'loginStyle', 'sshAuth', 'authorizedKeys', 'loginAfterSshAuth', 'faults', 'commands'];
const STYLES: readonly LoginStyle[] = ['none', 'password', 'username', 'username+password', 'skey'];

type Path = (string | number)[];

class Checker {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly file: string,
  ) {}

  fail(path: Path, message: string): never {
    const node = this.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? this.lines.linePos(node.range[0]).line : undefined;
    throw new SimConfigError(message, { file: this.file, ...(line !== undefined ? { line } : {}) });
  }

  keys(path: Path, v: unknown, allowed: readonly string[]): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, `${label(path)} must be a mapping.`);
    for (const k of Object.keys(v)) if (!allowed.includes(k)) this.fail([...path, k], `unknown setting "${k}" in ${label(path)}; known: ${allowed.join(', ')}.`);
    return v as Record<string, unknown>;
  }

  port(path: Path, v: unknown): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 65535) this.fail(path, `${label(path)} must be a port number 0-65535 (0: any free port), got ${JSON.stringify(v)}.`);
    return v;
  }

  text(path: Path, v: unknown): string {
    if (typeof v !== 'string') this.fail(path, `${label(path)} must be text, got ${JSON.stringify(v)}.`);
    return v;
  }
}

const label = (path: Path) => (path.length === 0 ? 'the fleet' : path.join('.'));

/** Parses and checks a fleet description; relative paths are taken from `file`'s folder. */
export function parseFleet(text: string, file = '<fleet>'): FleetOptions {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new SimConfigError(`not valid YAML or JSON: ${e.message.split('\n')[0]}`, { file, line: lines.linePos(e.pos[0]).line });
  }
  const c = new Checker(doc, lines, file);
  const top = c.keys([], doc.toJS(), TOP);
  const groups = top['groups'];
  if (!Array.isArray(groups) || groups.length === 0) c.fail(['groups'], 'the fleet needs "groups": a list of device groups (e.g. - { count: 10, profile: ios, ports: { ssh: 30000 } }).');
  const defaults = top['defaults'] === undefined ? {} : c.keys(['defaults'], top['defaults'], GROUP.filter((k) => !['name', 'count', 'start', 'ports'].includes(k)));
  const devices: SimDeviceSpec[] = [];
  const usedPorts = new Map<number, string>();
  (groups as unknown[]).forEach((g, gi) => {
    const own = c.keys(['groups', gi], g, GROUP);
    for (const spec of expandGroup(c, ['groups', gi], own, defaults)) {
      for (const [proto, port] of Object.entries(spec.ports ?? {})) {
        const other = usedPorts.get(port);
        if (port !== 0 && other) c.fail(['groups', gi, 'ports', proto], `port ${port} (${proto} of ${spec.name}) is already given to ${other}.`);
        usedPorts.set(port, `${proto} of ${spec.name}`);
      }
      devices.push(spec);
    }
  });
  const names = new Set<string>();
  for (const d of devices) {
    if (names.has(d.name)) c.fail(['groups'], `two devices are named "${d.name}"; give each group its own name template.`);
    names.add(d.name);
  }
  const shared: FleetOptions['shared'] = {};
  if (top['shared'] !== undefined) {
    const s = c.keys(['shared'], top['shared'], SIM_PROTOCOLS);
    for (const proto of SIM_PROTOCOLS) if (s[proto] !== undefined) shared[proto] = c.port(['shared', proto], s[proto]);
  }
  return {
    devices,
    ...(top['host'] !== undefined ? { host: c.text(['host'], top['host']) } : {}),
    ...(top['hostKeyFile'] !== undefined ? { hostKeyFile: resolve(dirname(file), c.text(['hostKeyFile'], top['hostKeyFile'])) } : {}),
    ...(top['indexFile'] !== undefined ? { indexFile: resolve(dirname(file), c.text(['indexFile'], top['indexFile'])) } : {}),
    shared,
  };
}

/** Reads a fleet file (YAML or JSON). */
export function readFleetFile(file: string): FleetOptions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SimConfigError(`cannot read the fleet file (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, { file });
  }
  return parseFleet(text, file);
}

function expandGroup(c: Checker, at: Path, own: Record<string, unknown>, defaults: Record<string, unknown>): SimDeviceSpec[] {
  const g = { ...defaults, ...own };
  // A value from `defaults` is reported at its line there.
  const where = (key: string): Path => (key in own || !(key in defaults) ? at.concat(key) : ['defaults', key]);
  const count = g['count'] ?? 1;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100_000) c.fail(where('count'), `count must be a whole number 1-100000, got ${JSON.stringify(count)}.`);
  const start = g['start'] ?? 1;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) c.fail(where('start'), `start must be a whole number >= 0, got ${JSON.stringify(start)}.`);
  const template = g['name'] === undefined ? 'r{n}' : c.text(where('name'), g['name']);
  if (count > 1 && !template.includes('{n}')) c.fail(where('name'), `a group of ${count} devices needs {n} in its name template (e.g. "r{n}").`);
  const list = g['profiles'] !== undefined ? g['profiles'] : [g['profile'] ?? 'ios'];
  if (!Array.isArray(list) || list.length === 0) c.fail(where('profiles'), 'profiles must be a list of profile names.');
  list.forEach((p, i) => {
    if (typeof p !== 'string' || !profiles.has(p)) {
      c.fail(g['profiles'] !== undefined ? where('profiles').concat(i) : where('profile'), `unknown profile ${JSON.stringify(p)}; known profiles: ${profileNames().join(', ')}.`);
    }
  });
  const ports: Partial<Record<SimProtocol, number>> = {};
  if (g['ports'] !== undefined) {
    const p = c.keys(where('ports'), g['ports'], SIM_PROTOCOLS);
    for (const proto of SIM_PROTOCOLS) {
      if (p[proto] === undefined) continue;
      const base = c.port(where('ports').concat(proto), p[proto]);
      if (base !== 0 && base + count - 1 > 65535) c.fail(where('ports').concat(proto), `${count} ${proto} ports from ${base} go past 65535.`);
      ports[proto] = base;
    }
  }
  const style = g['loginStyle'];
  if (style !== undefined && !STYLES.includes(style as LoginStyle)) c.fail(where('loginStyle'), `loginStyle must be one of ${STYLES.join(', ')}, got ${JSON.stringify(style)}.`);
  const auth = g['sshAuth'];
  if (auth !== undefined && (!Array.isArray(auth) || auth.some((m) => !SSH_AUTH_METHODS.includes(m)))) {
    c.fail(where('sshAuth'), `sshAuth must be a list of ${SSH_AUTH_METHODS.join(', ')}.`);
  }
  const keys = g['authorizedKeys'];
  if (keys !== undefined && (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string'))) c.fail(where('authorizedKeys'), 'authorizedKeys must be a list of OpenSSH public key lines.');
  try {
    resolveFaults(g['faults'] as FaultSpec | undefined);
  } catch (err) {
    c.fail(where('faults'), (err as Error).message);
  }
  const commands = g['commands'];
  if (commands !== undefined) {
    const cm = c.keys(where('commands'), commands, Object.keys(commands as object));
    for (const [k, v] of Object.entries(cm)) if (typeof v !== 'string') c.fail(where('commands').concat(k), `the output of "${k}" must be text.`);
  }
  const out: SimDeviceSpec[] = [];
  for (let i = 0; i < count; i++) {
    const spec: SimDeviceSpec = { name: template.replaceAll('{n}', String(start + i)), profile: list[i % list.length] as string };
    for (const key of ['username', 'password'] as const) if (g[key] !== undefined) spec[key] = c.text(where(key), g[key]);
    if (g['enablePassword'] !== undefined) spec.enablePassword = g['enablePassword'] === null ? null : c.text(where('enablePassword'), g['enablePassword']);
    if (style !== undefined) spec.loginStyle = style as LoginStyle;
    if (auth !== undefined) spec.sshAuth = auth as SshAuthMethod[];
    if (keys !== undefined) spec.authorizedKeys = keys as string[];
    if (g['loginAfterSshAuth'] !== undefined) {
      if (typeof g['loginAfterSshAuth'] !== 'boolean') c.fail(where('loginAfterSshAuth'), 'loginAfterSshAuth must be true or false.');
      spec.loginAfterSshAuth = g['loginAfterSshAuth'];
    }
    if (g['faults'] !== undefined) spec.faults = g['faults'] as FaultSpec;
    if (commands !== undefined) spec.overrides = { commands: commands as Record<string, string> };
    const own: Partial<Record<SimProtocol, number>> = {};
    for (const [proto, base] of Object.entries(ports) as [SimProtocol, number][]) own[proto] = base === 0 ? 0 : base + i;
    if (Object.keys(own).length > 0) spec.ports = own;
    out.push(spec);
  }
  return out;
}

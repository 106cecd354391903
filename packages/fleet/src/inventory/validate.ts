// Checks one entity (defaults, a group, a host) of inventory data and reports each
// problem with its path, so the loader can point at the file and line.
import type { EntityInit, HostInit, HostOptions } from './types.js';

export type Path = readonly (string | number)[];
export type Report = (path: Path, message: string) => void;

const ENTITY_KEYS = ['scheme', 'port', 'username', 'driver', 'groups', 'options', 'data'] as const;
const HOST_KEYS = [...ENTITY_KEYS, 'url', 'hostname'] as const;
const OPTION_KINDS: Record<keyof HostOptions, 'ms' | 'boolean' | 'string' | 'object'> = {
  timeout: 'ms',
  connectTimeout: 'ms',
  bannerTimeout: 'ms',
  settleTime: 'ms',
  verifyFingerprint: 'boolean',
  termType: 'string',
  encoding: 'string',
  keyFile: 'string',
  account: 'string',
  transport: 'object',
};

export interface Known {
  schemes?: readonly string[] | undefined;
  drivers?: readonly string[] | undefined;
  groups: ReadonlySet<string>;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks an entity; true when it can be used (problems may still have been reported). */
export function checkEntity(value: unknown, path: Path, isHost: boolean, known: Known, report: Report): value is EntityInit & HostInit {
  if (!isObject(value)) {
    report(path, `expected a mapping of ${isHost ? 'url, groups, driver, options, data' : 'groups, driver, options, data'}, got ${describe(value)}`);
    return false;
  }
  const allowed: readonly string[] = isHost ? HOST_KEYS : ENTITY_KEYS;
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) report([...path, key], `unknown key "${key}"; allowed: ${allowed.join(', ')}`);
  }
  for (const key of ['scheme', 'username', 'driver', 'url', 'hostname'] as const) {
    if (value[key] !== undefined && typeof value[key] !== 'string') report([...path, key], `"${key}" must be a string, got ${describe(value[key])}`);
  }
  if (typeof value.scheme === 'string' && known.schemes && !known.schemes.includes(value.scheme)) {
    report([...path, 'scheme'], `unknown scheme "${value.scheme}"; known: ${known.schemes.join(', ')}`);
  }
  if (typeof value.driver === 'string' && known.drivers && !known.drivers.includes(value.driver)) {
    report([...path, 'driver'], `unknown driver "${value.driver}"; known drivers: ${known.drivers.join(', ')}`);
  }
  if (value.port !== undefined && !(Number.isInteger(value.port) && (value.port as number) >= 1 && (value.port as number) <= 65535)) {
    report([...path, 'port'], `"port" must be a TCP port number (1-65535), got ${describe(value.port)}`);
  }
  if (value.groups !== undefined) {
    if (!Array.isArray(value.groups)) report([...path, 'groups'], `"groups" must be a list of group names, got ${describe(value.groups)}`);
    else
      value.groups.forEach((g, i) => {
        if (typeof g !== 'string') report([...path, 'groups', i], `a group name must be a string, got ${describe(g)}`);
        else if (!known.groups.has(g)) report([...path, 'groups', i], `group "${g}" is not defined under "groups"`);
      });
  }
  if (value.data !== undefined && !isObject(value.data)) report([...path, 'data'], `"data" must be a mapping, got ${describe(value.data)}`);
  if (value.options !== undefined) checkOptions(value.options, [...path, 'options'], report);
  return true;
}

function checkOptions(options: unknown, path: Path, report: Report): void {
  if (!isObject(options)) return report(path, `"options" must be a mapping, got ${describe(options)}`);
  for (const [key, v] of Object.entries(options)) {
    const kind = OPTION_KINDS[key as keyof HostOptions];
    const at = [...path, key];
    if (!kind) report(at, `unknown option "${key}"; allowed: ${Object.keys(OPTION_KINDS).join(', ')}`);
    else if (kind === 'ms' && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) report(at, `option "${key}" must be milliseconds (a number >= 0), got ${describe(v)}`);
    else if (kind === 'boolean' && typeof v !== 'boolean') report(at, `option "${key}" must be true or false, got ${describe(v)}`);
    else if (kind === 'string' && typeof v !== 'string') report(at, `option "${key}" must be a string, got ${describe(v)}`);
    else if (kind === 'object' && !isObject(v)) report(at, `option "${key}" must be a mapping, got ${describe(v)}`);
  }
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  return `${typeof v} ${String(v)}`;
}

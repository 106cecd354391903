// Inventory data -> hosts, with Nornir-style inheritance: a host's own value wins,
// then its groups in the order listed (each group before the groups it lists),
// then the defaults. `options`, `options.transport` and `data` merge key by key.
import { InventoryError, type InventoryProblem } from '../errors.js';
import { hostUrl, parseHostUrl, type HostUrl } from '../url.js';
import { Inventory } from './inventory.js';
import type { BuildOptions, EntityInit, Host, HostInit, HostOptions, InventoryData } from './types.js';
import { checkEntity, describe, isObject, type Known, type Path } from './validate.js';

/** Checks and resolves inventory data; throws InventoryError listing every problem found. */
export function buildInventory(data: InventoryData | unknown, opts: BuildOptions = {}): Inventory {
  const problems: InventoryProblem[] = [];
  const report = (path: Path, message: string) => {
    const location = opts.locate?.(path);
    const where = path.length > 1 ? `${path[0] === 'hosts' ? 'host' : path[0] === 'groups' ? 'group' : String(path[0])} "${String(path[1])}": ` : '';
    problems.push({ message: `${where}${message}`, ...(location ? { location } : {}) });
  };
  if (!isObject(data)) {
    report([], `an inventory must be a mapping with "hosts" (and optional "groups", "defaults"), got ${describe(data)}`);
    throw new InventoryError(problems);
  }
  for (const key of Object.keys(data)) if (!['hosts', 'groups', 'defaults'].includes(key)) report([key], `unknown top-level key "${key}"; allowed: hosts, groups, defaults`);
  const groupsData = data.groups ?? {};
  if (!isObject(groupsData)) report(['groups'], `"groups" must be a mapping of group names, got ${describe(groupsData)}`);
  const groupNames = new Set(isObject(groupsData) ? Object.keys(groupsData) : []);
  const known: Known = { schemes: opts.schemes, drivers: opts.drivers, groups: groupNames };

  const groups = new Map<string, EntityInit>();
  if (isObject(groupsData)) {
    for (const [name, g] of Object.entries(groupsData)) if (checkEntity(g ?? {}, ['groups', name], false, known, report)) groups.set(name, (g ?? {}) as EntityInit);
  }
  let defaults: EntityInit = {};
  if (data.defaults !== undefined && checkEntity(data.defaults ?? {}, ['defaults'], false, known, report)) defaults = (data.defaults ?? {}) as EntityInit;
  for (const name of groups.keys()) checkCycle(name, groups, report);

  const hostsData = data.hosts;
  const hosts: Host[] = [];
  if (!isObject(hostsData)) report(['hosts'], `"hosts" must be a mapping of host names, got ${describe(hostsData)}`);
  else {
    for (const [name, raw] of Object.entries(hostsData)) {
      const init: unknown = typeof raw === 'string' ? { url: raw } : raw;
      const path = ['hosts', name];
      if (!checkEntity(init, path, true, known, report)) continue;
      const host = resolveHost(name, init, groups, defaults, opts, (field, msg) => report(field ? [...path, field] : path, msg));
      if (host) hosts.push(host);
    }
  }
  if (problems.length > 0) throw new InventoryError(problems.sort(byPlace));
  return new Inventory(hosts);
}

function byPlace(a: InventoryProblem, b: InventoryProblem): number {
  return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
}

/** The groups a host consults, in order: each group, then (depth first) the groups it lists. */
function expandGroups(direct: readonly string[], groups: ReadonlyMap<string, EntityInit>): string[] {
  const out: string[] = [];
  const visit = (name: string, depth: number) => {
    if (out.includes(name) || depth > 64) return;
    out.push(name);
    for (const sub of groups.get(name)?.groups ?? []) visit(sub, depth + 1);
  };
  for (const g of direct) visit(g, 0);
  return out.filter((g) => groups.has(g));
}

function checkCycle(start: string, groups: ReadonlyMap<string, EntityInit>, report: (path: Path, message: string) => void): void {
  const walk = (name: string, trail: string[]): boolean => {
    for (const sub of groups.get(name)?.groups ?? []) {
      if (sub === start) {
        report(['groups', start, 'groups'], `groups form a cycle: ${[...trail, sub].join(' -> ')}`);
        return true;
      }
      if (!trail.includes(sub) && trail.length < 64 && walk(sub, [...trail, sub])) return true;
    }
    return false;
  };
  walk(start, [start]);
}

function resolveHost(
  name: string,
  init: HostInit,
  groups: ReadonlyMap<string, EntityInit>,
  defaults: EntityInit,
  opts: BuildOptions,
  report: (field: string | undefined, message: string) => void,
): Host | undefined {
  const groupNames = expandGroups(init.groups ?? [], groups);
  const chain: EntityInit[] = [init, ...groupNames.map((g) => groups.get(g)!), defaults];
  const first = <K extends keyof EntityInit>(key: K): EntityInit[K] => chain.find((e) => e[key] !== undefined)?.[key];

  let url: HostUrl;
  try {
    url = hostUrlOf(init, first('scheme'), first('port'), first('username'));
  } catch (err) {
    report(init.url !== undefined ? 'url' : 'hostname', (err as Error).message);
    return undefined;
  }
  if (opts.schemes && !opts.schemes.includes(url.scheme)) {
    report('url', `unknown scheme "${url.scheme}"; known: ${opts.schemes.join(', ')}`);
    return undefined;
  }
  const driver = first('driver');
  const options: HostOptions = {};
  const transport: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  for (const e of [...chain].reverse()) {
    Object.assign(options, e.options);
    Object.assign(transport, e.options?.transport);
    Object.assign(data, e.data);
  }
  if (Object.keys(transport).length > 0) options.transport = transport;
  const source = opts.locate?.(['hosts', name]);
  return Object.freeze({
    name,
    url,
    ...(driver !== undefined ? { driver } : {}),
    groups: Object.freeze(groupNames),
    options: Object.freeze(options),
    data: Object.freeze(data),
    ...(source ? { source } : {}),
  });
}

function hostUrlOf(init: HostInit, scheme: string | undefined, port: number | undefined, username: string | undefined): HostUrl {
  if (init.url !== undefined && init.hostname !== undefined) throw new TypeError('give either "url" or "hostname", not both');
  if (init.url !== undefined) {
    const u = parseHostUrl(init.url);
    if ((u.port !== undefined || port === undefined) && (u.username !== undefined || username === undefined)) return u;
    return hostUrl({ ...u, port: u.port ?? port, username: u.username ?? username });
  }
  if (init.hostname === undefined) throw new TypeError('has neither "url" nor "hostname"; add url: ssh://user@host:port (or hostname plus a scheme)');
  if (scheme === undefined) throw new TypeError(`"hostname" needs a scheme: set "scheme" (ssh, telnet, ws-serial) on the host, one of its groups or the defaults, or use "url"`);
  return hostUrl({ scheme, hostname: init.hostname, port, username });
}

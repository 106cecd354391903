// Text filters for hosts: key=value (glob: * and ?), key!=value, a,b for any of several.
import type { Host } from './types.js';

export type HostFilter = (host: Host) => boolean;

/** Parses `key=value` filters (all must match). Throws a TypeError that shows the expected form. */
export function parseFilters(texts: readonly string[]): HostFilter {
  const preds = texts.map(parseOne);
  return (host) => preds.every((p) => p(host));
}

function parseOne(text: string): HostFilter {
  const m = /^\s*([A-Za-z_][\w.-]*)\s*(!?=)\s*(.*?)\s*$/.exec(text);
  if (!m) throw new TypeError(`Filter ${JSON.stringify(text)} is not key=value; e.g. group=core, name=r*, driver=ios, site=lab, role!=edge.`);
  const [, key, op, value] = m as unknown as [string, string, string, string];
  const globs = value.split(',').map(globToRegExp);
  const matches = (host: Host) => valuesOf(host, key).some((v) => globs.some((re) => re.test(v)));
  return op === '=' ? matches : (host) => !matches(host);
}

/** The strings a key stands for on a host (several for groups and list fields). */
function valuesOf(host: Host, key: string): string[] {
  switch (key) {
    case 'name':
      return [host.name];
    case 'group':
    case 'groups':
      return [...host.groups];
    case 'driver':
      return host.driver !== undefined ? [host.driver] : [];
    case 'scheme':
      return [host.url.scheme];
    case 'hostname':
      return [host.url.hostname];
    case 'username':
      return host.url.username !== undefined ? [host.url.username] : [];
  }
  let v: unknown = host.data;
  for (const part of key.replace(/^data\./, '').split('.')) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[part] : undefined;
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

function globToRegExp(glob: string): RegExp {
  const src = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${src}$`);
}

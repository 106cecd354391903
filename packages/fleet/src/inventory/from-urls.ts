// Hosts given as URLs (the command line's `netx run ssh://admin@r1 telnet://r2`).
import { buildInventory } from './build.js';
import type { Inventory } from './inventory.js';
import type { BuildOptions, EntityInit, HostInit } from './types.js';
import { InventoryError } from '../errors.js';
import { parseHostUrl } from '../url.js';

/**
 * One host per URL, named by host name (host:port when two URLs share a host name).
 * `defaults` applies to every host (driver, options, data).
 */
export function inventoryFromUrls(urls: readonly string[], defaults: EntityInit = {}, opts: Omit<BuildOptions, 'locate'> = {}): Inventory {
  const parsed = urls.map((u, i) => {
    try {
      return parseHostUrl(u);
    } catch (err) {
      return { error: `host ${i + 1} (${JSON.stringify(u)}): ${(err as Error).message}` };
    }
  });
  const hosts: Record<string, HostInit> = {};
  const problems = parsed.flatMap((p) => ('error' in p ? [p.error] : []));
  if (problems.length > 0) throw new InventoryError(problems.map((message) => ({ message })));
  const counts = new Map<string, number>();
  for (const p of parsed) if (!('error' in p)) counts.set(p.hostname, (counts.get(p.hostname) ?? 0) + 1);
  urls.forEach((u, i) => {
    const p = parsed[i]!;
    if ('error' in p) return;
    let name = counts.get(p.hostname)! > 1 && p.port !== undefined ? `${p.hostname}:${p.port}` : p.hostname;
    for (let n = 2; hosts[name]; n++) name = `${p.hostname}#${n}`;
    hosts[name] = { url: u };
  });
  return buildInventory({ defaults, hosts }, opts);
}

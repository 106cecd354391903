// Hosts for a command: an inventory file (-i) or URLs on the command line, then
// filters; every problem becomes a UsageError with the inventory's file:line text.
import type { Driver } from '@netx/core';
import { inventoryFromUrls, isInventoryError, loadInventory, type Host } from '@netx/fleet';
import { UsageError } from './io.js';

export interface HostFlags {
  inventory?: string;
  filter?: string[];
  driver?: string;
  key?: string;
}

export async function selectHosts(urls: readonly string[], flags: HostFlags, schemes: readonly string[], drivers: readonly Driver[]): Promise<Host[]> {
  if (flags.inventory !== undefined && urls.length > 0) throw new UsageError('Give hosts either as URLs or with -i FILE, not both.');
  if (flags.inventory === undefined && urls.length === 0) throw new UsageError('No hosts: give URLs (ssh://admin@192.0.2.1 telnet://r2) or an inventory with -i FILE.');
  const names = ['generic', ...drivers.map((d) => d.name)];
  if (flags.driver !== undefined && !names.includes(flags.driver)) throw new UsageError(`Unknown driver "${flags.driver}"; known drivers: ${names.join(', ')}.`);
  const known = { schemes, drivers: names };
  let hosts: Host[];
  try {
    const inv = flags.inventory !== undefined ? await loadInventory(flags.inventory, known) : inventoryFromUrls(urls, flags.driver !== undefined ? { driver: flags.driver } : {}, known);
    hosts = [...inv.filter(...(flags.filter ?? []))];
  } catch (err) {
    if (isInventoryError(err) || err instanceof TypeError) throw new UsageError(err.message);
    throw err;
  }
  if (hosts.length === 0) throw new UsageError(`No host matches the filter${(flags.filter ?? []).length > 1 ? 's' : ''} ${(flags.filter ?? []).join(' ')}.`);
  const keyFile = flags.key;
  const driver = flags.inventory !== undefined ? flags.driver : undefined;
  if (keyFile === undefined && driver === undefined) return hosts;
  return hosts.map((h) => ({
    ...h,
    ...(driver !== undefined ? { driver } : {}),
    options: keyFile !== undefined && h.options.keyFile === undefined ? { ...h.options, keyFile } : h.options,
  }));
}

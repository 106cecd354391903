// A resolved inventory: hosts in file order, filters that return a new inventory.
import { parseFilters, type HostFilter } from './filter.js';
import type { Host } from './types.js';

export class Inventory implements Iterable<Host> {
  readonly hosts: readonly Host[];

  constructor(hosts: readonly Host[]) {
    const seen = new Set<string>();
    for (const h of hosts) {
      if (seen.has(h.name)) throw new TypeError(`Two hosts are named ${JSON.stringify(h.name)}; host names must be unique.`);
      seen.add(h.name);
    }
    this.hosts = Object.freeze([...hosts]);
  }

  get size(): number {
    return this.hosts.length;
  }

  [Symbol.iterator](): Iterator<Host> {
    return this.hosts[Symbol.iterator]();
  }

  get(name: string): Host | undefined {
    return this.hosts.find((h) => h.name === name);
  }

  /** Every group some host is in, sorted. */
  groups(): string[] {
    return [...new Set(this.hosts.flatMap((h) => h.groups))].sort();
  }

  /**
   * Hosts matching every filter: a predicate, or text such as `group=core`, `name=r*`,
   * `driver=ios`, `scheme=ssh`, `site=lab` (a data field; `data.a.b` for nested), `role!=edge`.
   */
  filter(...filters: readonly (string | HostFilter)[]): Inventory {
    const preds = filters.map((f) => (typeof f === 'string' ? parseFilters([f]) : f));
    return new Inventory(this.hosts.filter((h) => preds.every((p) => p(h))));
  }
}

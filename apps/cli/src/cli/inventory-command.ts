// `netx inventory -i FILE`: checks the file (every problem with file:line) and lists
// the hosts after inheritance and filters.
import { inject, injectable } from 'tsyringe';
import type { Driver } from '@netx/core';
import { isInventoryError, loadInventory } from '@netx/fleet';
import { TOKENS } from '../tokens.js';
import { EXIT, UsageError, type CliIo, type TransportsProvider } from './io.js';
import { formatTable } from './table.js';

@injectable()
export class InventoryCommand {
  constructor(
    @inject(TOKENS.Transports) private readonly transports: TransportsProvider,
    @inject(TOKENS.Drivers) private readonly drivers: readonly Driver[],
    @inject(TOKENS.Io) private readonly io: CliIo,
  ) {}

  async execute(flags: { inventory?: string; filter: string[]; json?: boolean }): Promise<number> {
    if (flags.inventory === undefined) throw new UsageError('netx inventory needs -i FILE.');
    const schemes = Object.keys(this.transports({ hostKeys: 'off', agent: false }));
    let hosts;
    try {
      const inv = await loadInventory(flags.inventory, { schemes, drivers: ['generic', ...this.drivers.map((d) => d.name)] });
      hosts = inv.filter(...flags.filter).hosts;
    } catch (err) {
      if (!isInventoryError(err) && !(err instanceof TypeError)) throw err;
      this.io.stderr.write(`${err.message}\n`);
      return err instanceof TypeError ? EXIT.USAGE : EXIT.FAILED;
    }
    if (flags.json) this.io.stdout.write(`${JSON.stringify(hosts, null, 2)}\n`);
    else {
      const rows = [['NAME', 'URL', 'DRIVER', 'GROUPS'], ...hosts.map((h) => [h.name, h.url.href, h.driver ?? '(guess)', h.groups.join(',') || '-'])];
      this.io.stdout.write(`${formatTable(rows)}\n${hosts.length} host(s) in ${flags.inventory}\n`);
    }
    return EXIT.OK;
  }
}

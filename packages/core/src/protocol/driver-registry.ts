// Drivers known to one Protocol, by name. `generic` is always there.
import { generic } from '../drivers/generic.js';
import type { Driver } from '../ports/driver.js';

export class DriverRegistry {
  private readonly byName = new Map<string, Driver>([[generic.name, generic]]);

  constructor(drivers: Iterable<Driver> = []) {
    for (const d of drivers) this.register(d);
  }

  /** Adds a driver; a later driver with the same name replaces the earlier one. */
  register(driver: Driver): this {
    if (!driver || typeof driver.name !== 'string') throw new TypeError('DriverRegistry.register: expected a Driver (see defineDriver()).');
    this.byName.set(driver.name, driver);
    return this;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  get(name: string): Driver | undefined {
    return this.byName.get(name);
  }

  /** Every driver, generic first, then in registration order. */
  all(): Driver[] {
    return [...this.byName.values()];
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

// A driver set as a Protocol uses it: the registry (by name) and the compiled guess
// model. Both depend on the drivers only, so every Protocol built from the same
// list shares one (a fleet of sessions compiles the guess signals once).
import { GuessModel, sameDrivers } from '../guess/guess-model.js';
import type { Driver } from '../ports/driver.js';
import { DriverRegistry } from './driver-registry.js';

export interface DriverSet {
  readonly registry: DriverRegistry;
  readonly model: GuessModel;
}

const EMPTY: readonly Driver[] = Object.freeze([]);
const sets = new WeakMap<object, { source: readonly Driver[]; set: DriverSet }>();

/** The set for `drivers` (any iterable); reused while the same object holds the same drivers. */
export function driverSet(drivers: Iterable<Driver> | undefined): DriverSet {
  const key: object = drivers ?? EMPTY;
  const list = Array.isArray(drivers) ? (drivers as readonly Driver[]) : [...(drivers ?? EMPTY)];
  const hit = sets.get(key);
  if (hit && sameDrivers(hit.source, list)) return hit.set;
  const registry = new DriverRegistry(list);
  const set: DriverSet = { registry, model: GuessModel.of(registry.all()) };
  sets.set(key, { source: [...list], set });
  return set;
}

// The profile registry: adding a platform is one file in this folder and one
// line in BUILT_IN below (or registerProfile() from outside the package).
import type { DeviceProfile } from './profile.js';
import { iosProfile } from './ios.js';
import { junosProfile } from './junos.js';
import { iosXeProfile } from './ios-xe.js';
import { nxosProfile } from './nxos.js';
import { iosXrProfile } from './ios-xr.js';
import { eosProfile } from './eos.js';
import { vrpProfile } from './vrp.js';
import { routerosProfile } from './routeros.js';
import { panosProfile } from './panos.js';
import { fortiosProfile } from './fortios.js';
import { linuxProfile } from './linux.js';

const BUILT_IN: readonly DeviceProfile[] = [
  iosProfile,
  iosXeProfile,
  junosProfile,
  nxosProfile,
  iosXrProfile,
  eosProfile,
  vrpProfile,
  routerosProfile,
  panosProfile,
  fortiosProfile,
  linuxProfile,
];

const registry = new Map<string, DeviceProfile>(BUILT_IN.map((p) => [p.name, p]));

/** Every registered profile by name (read-only view). */
export const profiles: ReadonlyMap<string, DeviceProfile> = registry;

/** Adds a profile (or replaces one of the same name); returns it. */
export function registerProfile(profile: DeviceProfile): DeviceProfile {
  if (!/^[a-z][a-z0-9_-]*$/.test(profile.name)) {
    throw new TypeError(`registerProfile: a profile name is lower case letters, digits, '_' or '-', got ${JSON.stringify(profile.name)}.`);
  }
  registry.set(profile.name, profile);
  return profile;
}

/** The profile of that name; throws naming the known ones. */
export function getProfile(name: string): DeviceProfile {
  const p = registry.get(name);
  if (!p) throw new RangeError(`Unknown device profile "${name}"; known profiles: ${[...registry.keys()].sort().join(', ')}.`);
  return p;
}

/** Registered profile names, sorted. */
export function profileNames(): string[] {
  return [...registry.keys()].sort();
}

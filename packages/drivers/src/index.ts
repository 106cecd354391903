// @netx/drivers: every built-in netx driver, by family and as one array `allDrivers`.
import { DriverRegistry, generic, type Driver } from '@netx/core';
import { drivers as adtran } from '@netx/drivers-adtran';
import { drivers as arista } from '@netx/drivers-arista';
import { drivers as ciena } from '@netx/drivers-ciena';
import { drivers as cisco } from '@netx/drivers-cisco';
import { drivers as dell } from '@netx/drivers-dell';
import { drivers as ericsson } from '@netx/drivers-ericsson';
import { drivers as extreme } from '@netx/drivers-extreme';
import { drivers as f5 } from '@netx/drivers-f5';
import { drivers as fortinet } from '@netx/drivers-fortinet';
import { drivers as hpe } from '@netx/drivers-hpe';
import { drivers as huawei } from '@netx/drivers-huawei';
import { drivers as icotera } from '@netx/drivers-icotera';
import { drivers as juniper } from '@netx/drivers-juniper';
import { drivers as mikrotik } from '@netx/drivers-mikrotik';
import { drivers as mrv } from '@netx/drivers-mrv';
import { drivers as netscout } from '@netx/drivers-netscout';
import { drivers as nokia } from '@netx/drivers-nokia';
import { drivers as oneaccess } from '@netx/drivers-oneaccess';
import { drivers as paloalto } from '@netx/drivers-paloalto';
import { drivers as riverbed } from '@netx/drivers-riverbed';
import { drivers as silverpeak } from '@netx/drivers-silverpeak';
import { drivers as unix } from '@netx/drivers-unix';
import { drivers as vyos } from '@netx/drivers-vyos';
import { drivers as zte } from '@netx/drivers-zte';
import { drivers as zyxel } from '@netx/drivers-zyxel';

/** Each family's `drivers`, by package name suffix. */
export const driverFamilies: Readonly<Record<string, readonly Driver[]>> = Object.freeze({
  cisco,
  juniper,
  huawei,
  hpe,
  nokia,
  arista,
  unix,
  fortinet,
  extreme,
  adtran,
  netscout,
  f5,
  ciena,
  ericsson,
  icotera,
  mrv,
  oneaccess,
  riverbed,
  silverpeak,
  zte,
  zyxel,
  paloalto,
  mikrotik,
  vyos,
  dell,
});

/**
 * Every built-in driver (core's `generic` is not listed: a Protocol always knows it).
 * The order breaks OS-guess score ties, after the earliest match: Exscript's families first.
 */
export const allDrivers: readonly Driver[] = Object.freeze(Object.values(driverFamilies).flat());

const registry = new DriverRegistry(allDrivers);

/** A built-in driver by name, or undefined (core's `generic` is not a built-in here). */
export function driverByName(name: string): Driver | undefined {
  const found = registry.get(name);
  return found === generic ? undefined : found;
}

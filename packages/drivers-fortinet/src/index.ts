// @netx/drivers-fortinet: Fortinet drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { fortinet } from './fortinet.js';
import { fortios } from './fortios.js';

export { fortinet, fortios };
export * from './pagers.js';

/** Exscript's driver first (its order breaks score ties), then the driver Exscript lacks. */
export const drivers: readonly Driver[] = [fortios, fortinet];

// @netx/drivers-juniper: Juniper drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { junos } from './junos.js';
import { junos_erx } from './junos-erx.js';

export { junos, junos_erx };
export * from './pagers.js';

export const drivers: readonly Driver[] = [junos, junos_erx];

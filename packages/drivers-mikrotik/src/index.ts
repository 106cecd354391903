// @netx/drivers-mikrotik: MikroTik drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { routeros } from './routeros.js';

export { routeros } from './routeros.js';
export * from './pagers.js';
export const drivers: readonly Driver[] = [routeros];

// @netx/drivers-paloalto: Palo Alto Networks drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { panos } from './panos.js';

export { panos } from './panos.js';
export * from './pagers.js';
export const drivers: readonly Driver[] = [panos];

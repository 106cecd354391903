// @netx/drivers-extreme: Extreme-owned platforms (Enterasys, Brocade) by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { brocade } from './brocade.js';
import { enterasys } from './enterasys.js';
import { enterasys_wc } from './enterasys-wc.js';

export { brocade, enterasys, enterasys_wc };
export * from './pagers.js';

export const drivers: readonly Driver[] = [enterasys, enterasys_wc, brocade];

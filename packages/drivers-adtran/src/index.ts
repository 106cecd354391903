// @netx/drivers-adtran: ADTRAN drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { adtran } from './adtran.js';

export { adtran };
export * from './pagers.js';

export const drivers: readonly Driver[] = [adtran];

// @netx/drivers-mrv: MRV drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { mrv } from './mrv.js';

export { mrv };
export * from './pagers.js';

export const drivers: readonly Driver[] = [mrv];

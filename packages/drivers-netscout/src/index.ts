// @netx/drivers-netscout: NETSCOUT (Arbor) drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { arbor_peakflow } from './arbor-peakflow.js';

export { arbor_peakflow };
export * from './pagers.js';

export const drivers: readonly Driver[] = [arbor_peakflow];

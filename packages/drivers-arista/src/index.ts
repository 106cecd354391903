// @netx/drivers-arista: Arista drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { eos } from './eos.js';

export { eos };
export * from './pagers.js';

export const drivers: readonly Driver[] = [eos];

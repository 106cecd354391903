// @netx/drivers-vyos: VyOS drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { vyos } from './vyos.js';

export { vyos } from './vyos.js';
export * from './pagers.js';
export const drivers: readonly Driver[] = [vyos];

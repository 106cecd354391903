// @netx/drivers-icotera: Icotera drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { icotera } from './icotera.js';

export { icotera };
export * from './pagers.js';

export const drivers: readonly Driver[] = [icotera];

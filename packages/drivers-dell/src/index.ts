// @netx/drivers-dell: Dell drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { dell_os10 } from './dell-os10.js';

export { dell_os10 } from './dell-os10.js';
export * from './pagers.js';
export const drivers: readonly Driver[] = [dell_os10];

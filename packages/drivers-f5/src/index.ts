// @netx/drivers-f5: F5 drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { bigip } from './bigip.js';

export { bigip };
export * from './pagers.js';

export const drivers: readonly Driver[] = [bigip];

// @netx/drivers-zyxel: ZyXEL drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { zyxel } from './zyxel.js';

export { zyxel };
export * from './pagers.js';

export const drivers: readonly Driver[] = [zyxel];

// @netx/drivers-silverpeak: Silver Peak drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { sp_vxoa } from './sp-vxoa.js';

export { sp_vxoa };
export * from './pagers.js';

export const drivers: readonly Driver[] = [sp_vxoa];

// @netx/drivers-huawei: Huawei drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { vrp } from './vrp.js';
import { vxworks } from './vxworks.js';

export { vrp, vxworks };
export * from './pagers.js';

export const drivers: readonly Driver[] = [vrp, vxworks];

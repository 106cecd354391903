// @netx/drivers-oneaccess: OneAccess drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { one_os } from './one-os.js';

export { one_os };
export * from './pagers.js';

export const drivers: readonly Driver[] = [one_os];

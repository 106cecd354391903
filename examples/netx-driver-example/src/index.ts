// netx-driver-example: the Acme OS driver. A plugin exports its drivers by name
// and as an array `drivers`, like every @netx/drivers-<family> package.
import type { Driver } from '@netx/core';
import { acme_os } from './acme-os.js';

export { acme_os } from './acme-os.js';
export { ACME_MORE } from './pagers.js';
export const drivers: readonly Driver[] = [acme_os];

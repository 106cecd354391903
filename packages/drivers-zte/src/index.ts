// @netx/drivers-zte: ZTE drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { zte } from './zte.js';

export { zte };
export * from './pagers.js';

export const drivers: readonly Driver[] = [zte];

// @netx/drivers-riverbed: Riverbed drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { rios } from './rios.js';

export { rios };
export * from './pagers.js';

export const drivers: readonly Driver[] = [rios];

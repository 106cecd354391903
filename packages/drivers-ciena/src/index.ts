// @netx/drivers-ciena: Ciena drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { cienasaos } from './cienasaos.js';

export { cienasaos };
export * from './pagers.js';

export const drivers: readonly Driver[] = [cienasaos];

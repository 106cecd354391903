// @netx/drivers-nokia: Nokia drivers (SR OS, ISAM, SR Linux) by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { isam } from './isam.js';
import { srlinux } from './srlinux.js';
import { sros } from './sros.js';

export { isam, srlinux, sros };
export * from './pagers.js';

/** Exscript's drivers first (their order breaks score ties), then the drivers Exscript lacks. */
export const drivers: readonly Driver[] = [sros, isam, srlinux];

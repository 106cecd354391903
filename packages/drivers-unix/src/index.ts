// @netx/drivers-unix: Unix drivers (shell, aix, linux) by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { aix } from './aix.js';
import { linux } from './linux.js';
import { shell } from './shell.js';

export { aix, linux, shell };
export * from './pagers.js';

/** Exscript's drivers first (their order breaks score ties), then the drivers Exscript lacks. */
export const drivers: readonly Driver[] = [shell, aix, linux];

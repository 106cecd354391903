// @netx/drivers-hpe: HPE drivers (ProCurve, Aruba, Comware) by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { aruba } from './aruba.js';
import { comware } from './comware.js';
import { hp_pro_curve } from './hp-pro-curve.js';

export { aruba, comware, hp_pro_curve };
export * from './pagers.js';

/** Exscript's drivers first (their order breaks score ties), then the drivers Exscript lacks. */
export const drivers: readonly Driver[] = [hp_pro_curve, aruba, comware];

// @netx/drivers-cisco: Cisco drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { ace } from './ace.js';
import { aironet } from './aironet.js';
import { asa } from './asa.js';
import { ios } from './ios.js';
import { ios_xe } from './ios-xe.js';
import { ios_xr } from './ios-xr.js';
import { nxos } from './nxos.js';

export { ace, aironet, asa, ios, ios_xe, ios_xr, nxos };
export * from './pagers.js';

/** Exscript's drivers first (their order breaks score ties), then the drivers Exscript lacks. */
export const drivers: readonly Driver[] = [ios, ios_xr, nxos, ace, aironet, ios_xe, asa];

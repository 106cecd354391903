// @netx/drivers-ericsson: Ericsson drivers by name and as the array `drivers`.
import type { Driver } from '@netx/core';
import { ericsson_ban } from './ericsson-ban.js';
import { smart_edge_os } from './smart-edge-os.js';

export { ericsson_ban, smart_edge_os };
export * from './pagers.js';

export const drivers: readonly Driver[] = [ericsson_ban, smart_edge_os];

// Pager rules of the Juniper family (patterns and sources in @netx/core `pagers`).
// junos: `---(more)---`, `---(more 50%)---`; junos_erx (E-series, IOS-like): ` --More-- `.
import { pagers, type PagerRule } from '@netx/core';

export const JUNOS_PAGERS: readonly PagerRule[] = Object.freeze([pagers.JUNOS_MORE]);
export const ERX_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE]);

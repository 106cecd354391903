// Pager rules of the Dell family (patterns in @netx/core `pagers`): OS10 pages with
// `--more--` until `terminal length 0`.
import { pagers, type PagerRule } from '@netx/core';

export const OS10_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE]);

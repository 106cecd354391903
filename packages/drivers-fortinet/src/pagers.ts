// Pager rules of the Fortinet family (patterns in @netx/core `pagers`):
// fortios and fortinet print `--More-- ` until `set output standard` turns paging off.
import { pagers, type PagerRule } from '@netx/core';

export const FORTIOS_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE]);

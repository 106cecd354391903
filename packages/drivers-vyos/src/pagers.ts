// Pager rules of VyOS (patterns in @netx/core `pagers`): `set terminal length 0`
// turns paging off; meanwhile `--More--`-style and less's `(END)` are answered.
import { pagers, type PagerRule } from '@netx/core';

export const VYOS_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE, pagers.LESS_END]);

// Pager rules of F5 (patterns in @netx/core `pagers`): tmsh `---(less 21%)---`, less `(END)`.
import { pagers, type PagerRule } from '@netx/core';

export const TMSH_PAGERS: readonly PagerRule[] = Object.freeze([pagers.TMSH_LESS, pagers.LESS_END]);

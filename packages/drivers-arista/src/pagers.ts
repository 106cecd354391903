// Pager rules of Arista EOS (patterns in @netx/core `pagers`): ` --More-- `.
import { pagers, type PagerRule } from '@netx/core';

export const EOS_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE]);

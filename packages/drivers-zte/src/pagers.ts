// Pager rules of this family (patterns in @netx/core `pagers`): its CLI pages with a
// `--More--` variant (` --More-- `, `--MORE--`, `-- more --`), answered with a space.
import { pagers, type PagerRule } from '@netx/core';

export const MORE_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE]);

// Pager rules of PAN-OS (patterns in @netx/core `pagers`): `set cli pager off` turns
// paging off; `--more--` style and `(END)` of its less pager are answered meanwhile.
import { pagers, type PagerRule } from '@netx/core';

export const PANOS_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE, pagers.LESS_END]);

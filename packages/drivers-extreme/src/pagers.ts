// Pager rules of the Extreme family (patterns and sources in @netx/core `pagers`).
// brocade (FastIron/NetIron): `--More--, next page: Space, next line: Return key, quit: Control-c`;
// Brocade NOS / VDX: reverse-video `\x1b[7m--More--\x1b[27m`; enterasys, enterasys_wc:
// `--More-- or (q)uit`.
import { pagers, type PagerRule } from '@netx/core';

export const BROCADE_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE_WITH_KEYS, pagers.MORE]);
export const ENTERASYS_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE_OR_QUIT, pagers.MORE]);

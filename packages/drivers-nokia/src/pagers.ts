// Pager rules of the Nokia family (patterns and sources in @netx/core `pagers`).
// sros (classic CLI): `Press any key to continue (Q to quit)`; srlinux and MD-CLI: `--More--`
// style as a safety net (both are set to no paging by their init commands).
import { pagers, type PagerRule } from '@netx/core';

export const SROS_PAGERS: readonly PagerRule[] = Object.freeze([pagers.SROS_MORE, pagers.MORE]);
export const SRLINUX_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE]);
// isam (Alcatel-Lucent ISAM): `--More--` style as well.
export const ISAM_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE]);

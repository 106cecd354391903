// Pager rules of the HPE family (patterns and sources in @netx/core `pagers`).
// hp_pro_curve: `-- MORE --, next page: Space, next line: Enter, quit: Control-C`;
// comware: `  ---- More ----` (the VRP form H3C inherited).
import { pagers, type PagerRule } from '@netx/core';

export const PROCURVE_PAGERS: readonly PagerRule[] = Object.freeze([pagers.PROCURVE_MORE, pagers.MORE]);
export const COMWARE_PAGERS: readonly PagerRule[] = Object.freeze([pagers.VRP_MORE]);
// aruba (ArubaOS controllers): `--More--` style until `no paging`.
export const ARUBA_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE]);

// Pager rules of the Huawei family (patterns and sources in @netx/core `pagers`).
// vrp: `  ---- More ----`; vxworks (SmartAX MA5600): `---- More ( Press 'Q' to break ) ----`
// and the parameter prompt `{ <cr>|ont<K>|port<K> }:` (answered with Enter).
import { pagers, type PagerRule } from '@netx/core';

export const VRP_PAGERS: readonly PagerRule[] = Object.freeze([pagers.VRP_MORE]);
export const SMARTAX_PAGERS: readonly PagerRule[] = Object.freeze([pagers.SMARTAX_MORE, pagers.SMARTAX_CR, pagers.VRP_MORE]);

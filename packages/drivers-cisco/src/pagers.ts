// Pager rules of the Cisco family (see @netx/core `pagers` for the patterns and sources).
// ios, ios_xe, nxos, ios_xr, ace: `--More--` / ` --More-- `; aironet (WLC): `--More-- or (q)uit`;
// asa: `<--- More --->` (IOS-style `--More--` too, from the ios fallback).
import { pagers, type PagerRule } from '@netx/core';

export const CISCO_MORE: readonly PagerRule[] = Object.freeze([pagers.MORE]);
export const WLC_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE_OR_QUIT, pagers.MORE]);
export const ASA_PAGERS: readonly PagerRule[] = Object.freeze([pagers.ASA_MORE, pagers.MORE]);

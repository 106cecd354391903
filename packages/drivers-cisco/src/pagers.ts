// Pager rules of the Cisco family (see @netx/core `pagers` for the patterns and sources).
// ios, ios_xe, nxos, ios_xr, ace: `--More--` / ` --More-- `; aironet (WLC): `--More-- or (q)uit`;
// asa: `<--- More --->` (IOS-style `--More--` too, from the ios fallback). ios and ios_xe
// also answer two interstitial questions of a fresh or console-attached device, as
// Netmiko's Cisco telnet login does (the login loop answers pager rules too).
import { pagers, type PagerRule } from '@netx/core';

export const CISCO_MORE: readonly PagerRule[] = Object.freeze([pagers.MORE]);
/** An unconfigured IOS: decline the setup dialog. */
export const IOS_SETUP_DIALOG: PagerRule = Object.freeze({ pattern: /initial configuration dialog\? \[yes\/no\]: ?$/i, answer: 'no\r' });
/** Console lines: `Press RETURN to get started!`. */
export const IOS_PRESS_RETURN: PagerRule = Object.freeze({ pattern: /Press RETURN to get started!?\s*$/i, answer: '\r' });
export const IOS_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE, IOS_SETUP_DIALOG, IOS_PRESS_RETURN]);
export const WLC_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE_OR_QUIT, pagers.MORE]);
export const ASA_PAGERS: readonly PagerRule[] = Object.freeze([pagers.ASA_MORE, pagers.MORE]);

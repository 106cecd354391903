// Pager and interstitial-prompt rules of MikroTik RouterOS. The CLI pages long
// `print`/`export` output with `-- [Q quit|D dump|down]` (D prints the rest without
// stopping), and a fresh device asks about its licence and for Enter (Netmiko's
// mikrotik_ssh.py handles the same two questions).
import { pagers, type PagerRule } from '@netx/core';

/** RouterOS pager (public RouterOS transcripts); 'D' dumps the rest of the output, Space would page. */
export const ROUTEROS_MORE: PagerRule = Object.freeze({ pattern: /-- \[Q quit\|D dump(?:\|[\w -]{1,16}){0,3}\]\s*$/, answer: 'D' });
/** First login: "Do you want to see the software license? [Y/n]: " -> n and Enter, as the public RouterOS scripts answer. */
export const ROUTEROS_LICENSE: PagerRule = Object.freeze({ pattern: /Do you want to see the software license\? \[Y\/n\]: ?$/, answer: 'n\r' });
/** First login: `Please press "Enter" to continue!`. */
export const ROUTEROS_PRESS_ENTER: PagerRule = Object.freeze({ pattern: /Please press "Enter" to continue!\s*$/, answer: '\r' });

export const ROUTEROS_PAGERS: readonly PagerRule[] = Object.freeze([ROUTEROS_MORE, ROUTEROS_LICENSE, ROUTEROS_PRESS_ENTER, pagers.MORE]);

// In-band pager prompts ("--More--") of real devices, as PagerRules a driver lists
// in `pagers`. The Protocol answers a rule while it waits for a prompt and strips
// the match from the response.
//
// Every pattern ends in `$`: a pager counts only as the last thing received (the
// device is waiting), so the word "--More--" inside output is never answered.
// Patterns allow ANSI SGR/cursor sequences around the text (reverse video
// `\x1b[7m--More--\x1b[27m`, Huawei's `\x1b[42D`) and blanks on either side.
// Sources: prompts quoted in public automation projects' drivers and issue reports
// (Netmiko issue numbers where a rule comes from one), unless a comment says otherwise.
import type { PagerRule } from '../ports/driver.js';

/** Zero or more ANSI CSI sequences (colour, reverse video, cursor moves). */
const ANSI = '(?:\\x1b\\[[0-9;?]*[A-Za-z])*';
/** Blanks and ANSI sequences, mixed. */
const PAD = `(?:[ \\t]|\\x1b\\[[0-9;?]*[A-Za-z])*`;

function rule(core: string, answer: string, flags = ''): PagerRule {
  return Object.freeze({ pattern: new RegExp(`${PAD}${core}${PAD}$`, flags), answer });
}

/**
 * `--More--`, ` --More-- `, `-- More --`, `--more--`, `--More--(42%)` (util-linux more),
 * reverse-video `\x1b[7m--More--\x1b[27m` (Brocade NOS / Extreme VDX, Netmiko #1582).
 * Cisco IOS/NX-OS/XR/ACE, Arista EOS, Juniper ERX, FortiOS, Dell OS10, ZTE, ...
 */
export const MORE: PagerRule = rule('--[ ]?more[ ]?--(?:\\(\\d{1,3}%\\))?', ' ', 'i');

/** Cisco WLC (read-only user, Netmiko #1979) and Enterasys: `--More-- or (q)uit`. */
export const MORE_OR_QUIT: PagerRule = rule('--[ ]?more[ ]?--[ ]?or[ ]?\\(q\\)uit', ' ', 'i');

/** Brocade/Foundry FastIron: `--More--, next page: Space, next line: Return key, quit: Control-c`. */
export const MORE_WITH_KEYS: PagerRule = rule('--[ ]?more[ ]?--, next page: Space, next line: Return key, quit: Control-c', ' ', 'i');

/** HP ProCurve / ArubaOS-Switch: `-- MORE --, next page: Space, next line: Enter, quit: Control-C`. */
export const PROCURVE_MORE: PagerRule = rule('-- ?MORE ?--, next page: Space, next line: Enter, quit: Control-C', ' ', 'i');

/** Juniper Junos: `---(more)---`, `---(more 50%)---`. */
export const JUNOS_MORE: PagerRule = rule('---\\(more(?: \\d{1,3}%)?\\)---', ' ');

/** F5 tmsh: `---(less 21%)---`, often in reverse video (seen in public F5 automation scripts). */
export const TMSH_LESS: PagerRule = rule('---\\(less(?: \\d{1,3}%)?\\)---', ' ');

/** Huawei VRP, H3C/HPE Comware: `  ---- More ----`, `---- More ----`. */
export const VRP_MORE: PagerRule = rule('---- More ----', ' ');

/** Huawei SmartAX (MA5600): `---- More ( Press 'Q' to break ) ----` (Netmiko #1628). */
export const SMARTAX_MORE: PagerRule = rule("---- More \\( Press 'Q' to break \\) ----", ' ');

/** Huawei SmartAX parameter completion `{ <cr>|ont<K>|port<K> }:`: Enter takes the default (Netmiko #1628). */
export const SMARTAX_CR: PagerRule = rule('\\{ ?<cr>(?:\\|[^}\\r\\n]{0,200})? ?\\}:', '\r');

/** Cisco ASA: `<--- More --->` (Netmiko #3024). */
export const ASA_MORE: PagerRule = rule('<--- More --->', ' ');

/** `---- More` (node telnet-client's default page separator). */
export const DASH_MORE: PagerRule = rule('---- More', ' ');

/** Nokia/ALU SR OS classic CLI and TP-Link JetStream: `Press any key to continue (Q to quit)` (public ALU/TP-Link tooling). */
export const SROS_MORE: PagerRule = rule('Press any key to continue \\(Q to quit\\)', ' ');

/** `less` at the end of its input: `(END)` (F5 tmsh scripts wait for it too); 'q' leaves it. */
export const LESS_END: PagerRule = rule('\\(END\\)', 'q');

/**
 * Every rule above, most specific first (so `---- More ( Press 'Q' ...) ----` is not
 * taken for `---- More`); a safe default for a driver that does not know its pager.
 */
export const ALL_PAGERS: readonly PagerRule[] = Object.freeze([
  SMARTAX_MORE,
  SMARTAX_CR,
  MORE_WITH_KEYS,
  PROCURVE_MORE,
  MORE_OR_QUIT,
  JUNOS_MORE,
  TMSH_LESS,
  VRP_MORE,
  ASA_MORE,
  SROS_MORE,
  MORE,
  DASH_MORE,
  LESS_END,
]);

/** Strips ANSI escape sequences (CSI, OSC, two-byte ESC) and a half-received one at the end. */
export function stripAnsi(text: string): string {
  if (!text.includes('\x1b') && !text.includes('\x9b')) return text;
  return text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '') // OSC (xterm title), BEL or ST terminated
    .replace(/(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]/g, '') // CSI: colours, cursor, bracketed paste \x1b[?2004h
    .replace(/\x1b[()][A-Za-z0-9]/g, '') // charset selection
    .replace(/\x1b[=>78DEHMNOc]/g, '') // keypad modes, save/restore cursor, ...
    .replace(/(?:\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*|[()])?|\x9b[0-?]*)$/, ''); // half-received at the end
}

// Telnet command and option codes (RFC 854, 855, 856, 857, 858, 1091, 1073).

export const IAC = 255;
export const DONT = 254;
export const DO = 253;
export const WONT = 252;
export const WILL = 251;
export const SB = 250;
export const GA = 249;
export const NOP = 241;
export const SE = 240;

export const NUL = 0;
export const LF = 10;
export const CR = 13;

export const OPT_BINARY = 0;
export const OPT_ECHO = 1;
export const OPT_SGA = 3;
/** RFC 860: DO TIMING-MARK is answered with WILL or WONT TIMING-MARK; netx uses it as a ping. */
export const OPT_TIMING_MARK = 6;
export const OPT_TTYPE = 24;
export const OPT_NAWS = 31;

/** TTYPE subnegotiation verbs (RFC 1091). */
export const TTYPE_IS = 0;
export const TTYPE_SEND = 1;

const COMMAND_NAMES: Record<number, string> = {
  [DONT]: 'DONT',
  [DO]: 'DO',
  [WONT]: 'WONT',
  [WILL]: 'WILL',
  [SB]: 'SB',
  [GA]: 'GA',
  [NOP]: 'NOP',
  [SE]: 'SE',
  242: 'DM',
  243: 'BRK',
  244: 'IP',
  245: 'AO',
  246: 'AYT',
  247: 'EC',
  248: 'EL',
};

const OPTION_NAMES: Record<number, string> = {
  [OPT_BINARY]: 'BINARY',
  [OPT_ECHO]: 'ECHO',
  [OPT_SGA]: 'SGA',
  5: 'STATUS',
  6: 'TIMING-MARK',
  [OPT_TTYPE]: 'TTYPE',
  [OPT_NAWS]: 'NAWS',
  32: 'TSPEED',
  33: 'LFLOW',
  34: 'LINEMODE',
  35: 'XDISPLOC',
  36: 'ENVIRON',
  37: 'AUTHENTICATION',
  38: 'ENCRYPT',
  39: 'NEW-ENVIRON',
};

export function commandName(code: number): string {
  return COMMAND_NAMES[code] ?? `CMD${code}`;
}

export function optionName(code: number): string {
  return OPTION_NAMES[code] ?? `OPT${code}`;
}

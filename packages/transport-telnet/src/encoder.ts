// What we put on the wire: data with IAC doubled and bare CR padded (RFC 854),
// and the subnegotiations we answer with (TTYPE IS, NAWS).
import { OPT_NAWS, OPT_TTYPE, SB, SE, TTYPE_IS } from './telnet-constants.js';

// File-local copies of telnet-constants.ts codes for the per-byte loops (a constant,
// not an imported binding that vitest's transform turns into a property lookup).
const IAC = 255, NUL = 0, LF = 10, CR = 13;

/**
 * Escapes user data for the wire: every 0xFF becomes IAC IAC, and unless the
 * BINARY option is in effect for our side a CR not followed by LF becomes CR NUL.
 * The CR decision is made within one call: a CR at the end of `bytes` is bare.
 */
export function encodeData(bytes: Uint8Array, binary: boolean): Uint8Array {
  let extra = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === IAC || (!binary && b === CR && bytes[i + 1] !== LF)) extra++;
  }
  if (extra === 0) return bytes;
  const out = new Uint8Array(bytes.length + extra);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out[n++] = b;
    if (b === IAC) out[n++] = IAC;
    else if (!binary && b === CR && bytes[i + 1] !== LF) out[n++] = NUL;
  }
  return out;
}

/** IAC SB <option> <payload with IAC doubled> IAC SE. */
export function subnegotiation(option: number, payload: ArrayLike<number>): Uint8Array {
  const bytes: number[] = [IAC, SB, option];
  for (let i = 0; i < payload.length; i++) {
    const b = payload[i]!;
    bytes.push(b);
    if (b === IAC) bytes.push(IAC);
  }
  bytes.push(IAC, SE);
  return Uint8Array.from(bytes);
}

/** NAWS (RFC 1073): width and height as 16-bit big-endian numbers, clamped to 0..65535. */
export function nawsMessage(columns: number, rows: number): Uint8Array {
  const w = clamp16(columns);
  const h = clamp16(rows);
  return subnegotiation(OPT_NAWS, [w >> 8, w & 0xff, h >> 8, h & 0xff]);
}

/** TTYPE IS <name> (RFC 1091). Characters outside latin-1 become '?'. */
export function terminalTypeMessage(termType: string): Uint8Array {
  const name: number[] = [TTYPE_IS];
  for (const ch of termType) {
    const code = ch.codePointAt(0)!;
    name.push(code <= 0xff ? code : 0x3f);
  }
  return subnegotiation(OPT_TTYPE, name);
}

function clamp16(n: number): number {
  if (!Number.isFinite(n) || n < 0) return 0;
  return Math.min(0xffff, Math.floor(n));
}

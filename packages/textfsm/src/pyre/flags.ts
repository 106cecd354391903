// Python's inline flags: global `(?i)` at the start of a pattern, scoped `(?s-i:...)`.
import type { Cursor } from './escapes.js';

export interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
  a: boolean;
}

export const FLAG_LETTERS = 'iLmsxau';

/** Python's _parse_flags: null for global flags `(?i)`, else the flags inside `(?i-s:...)`. */
export function inlineFlags(cur: Cursor, c: string, flags: Flags, global: Flags): Flags | null {
  const add = new Set<string>();
  const del = new Set<string>();
  let ch: string | undefined = c;
  if (ch !== '-') {
    for (;;) {
      if (ch === 'L') cur.error("bad inline flags: cannot use 'L' flag with a str pattern");
      add.add(ch!);
      if (add.has('a') && add.has('u')) cur.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      ch = cur.get();
      if (ch === undefined) cur.error('missing -, : or )');
      if (ch === ')' || ch === '-' || ch === ':') break;
      if (!FLAG_LETTERS.includes(ch)) cur.error(/\p{L}/u.test(ch) ? 'unknown flag' : 'missing -, : or )', cur.pos - 1);
    }
  }
  if (ch === ')') {
    for (const f of add) if (f in global) global[f as keyof Flags] = true;
    return null;
  }
  if (ch === '-') {
    ch = cur.get();
    if (ch === undefined) cur.error('missing flag');
    if (!FLAG_LETTERS.includes(ch)) cur.error(/\p{L}/u.test(ch) ? 'unknown flag' : 'missing flag', cur.pos - 1);
    for (;;) {
      if (ch === 'a' || ch === 'u' || ch === 'L') cur.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      del.add(ch!);
      ch = cur.get();
      if (ch === undefined) cur.error('missing :');
      if (ch === ':') break;
      if (!FLAG_LETTERS.includes(ch)) cur.error(/\p{L}/u.test(ch) ? 'unknown flag' : 'missing :', cur.pos - 1);
    }
  }
  for (const f of add) if (del.has(f)) cur.error('bad inline flags: flag turned on and off');
  const out = { ...flags };
  for (const f of add) if (f in out) out[f as keyof Flags] = true;
  for (const f of del) if (f in out) out[f as keyof Flags] = false;
  return out;
}

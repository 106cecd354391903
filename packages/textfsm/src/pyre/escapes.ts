// Backslash escapes of Python's `re` that stand for one character (sre_parse's _class_escape
// and the literal part of _escape), and the category escapes \d \w \s and their negations.
import { PyRegexError } from '../errors.js';
import type { Category } from './ast.js';

export interface Cursor {
  readonly cps: string;
  pos: number;
  readonly next: string | undefined;
  get(): string | undefined;
  error(message: string, at?: number): never;
}

const SIMPLE: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 };

export function escapeCategory(c: string): { cat: Category; neg: boolean } | undefined {
  switch (c) {
    case 'd':
    case 'w':
    case 's':
      return { cat: c, neg: false };
    case 'D':
    case 'W':
    case 'S':
      return { cat: c.toLowerCase() as Category, neg: true };
    default:
      return undefined;
  }
}

/** Reads `count` hex digits; Python's "incomplete escape" when there are fewer. */
export function readHex(cur: Cursor, count: number, start: number, letter: string): number {
  let digits = '';
  while (digits.length < count && cur.next !== undefined && /[0-9a-fA-F]/.test(cur.next)) digits += cur.get();
  if (digits.length < count) cur.error(`incomplete escape \\${letter}${digits}`, start);
  return parseInt(digits, 16);
}

/**
 * The character an escape stands for; the cursor is on the character after the backslash.
 * `inClass`: inside [...], where \b is a backspace and \1 is an octal escape.
 */
export function classEscape(cur: Cursor, start: number, inClass: boolean): number {
  const c = cur.get();
  if (c === undefined) cur.error('bad escape (end of pattern)', start);
  if (c in SIMPLE) return SIMPLE[c]!;
  if (c === 'b' && inClass) return 8;
  if (c === 'x') return readHex(cur, 2, start, c);
  if (c === 'u') return readHex(cur, 4, start, c);
  if (c === 'U') {
    const cp = readHex(cur, 8, start, c);
    if (cp > 0x10ffff) cur.error(`bad escape \\U${cp.toString(16).padStart(8, '0')}`, start);
    return cp;
  }
  if (c === 'N') {
    if (cur.next !== '{') cur.error('missing {', cur.pos);
    throw new PyRegexError('named Unicode escapes \\N{...} are not supported; write the character itself or \\uXXXX', start, true);
  }
  if (/[0-7]/.test(c) && (inClass || c === '0')) {
    let digits = c;
    while (digits.length < 3 && cur.next !== undefined && /[0-7]/.test(cur.next)) digits += cur.get();
    const cp = parseInt(digits, 8);
    if (cp > 0o377) cur.error(`octal escape value \\${digits} outside of range 0-0o377`, start);
    return cp;
  }
  if (/[0-9A-Za-z]/.test(c)) cur.error(`bad escape \\${c}`, start);
  return c.codePointAt(0)!;
}

// How far a regular expression can look: an upper bound on the characters one
// match attempt examines from its start (the match itself plus look-aheads, a word
// boundary's next character). The scanner then
// re-searches only that much old text when new text comes, not a fixed 4 KiB.
// Anything it cannot bound (`*`, `+`, `{n,}`, back-references, look-behinds, a `$`
// that needs the whole rest of the text) gives Infinity: the caller keeps its default.
//
// It also bounds the line breaks (\r, \n) one attempt can match: `[\r\n][^\r\n]+>`
// matches at most one however long the line, so new text can only complete an
// attempt that started on the last line.

interface Span {
  /** Most characters consumed. */
  len: number;
  /** Most characters examined, counted from the same start. */
  reach: number;
  /** Most line-break characters matched (consumed or looked at) on one path. */
  breaks: number;
}

export interface RegexBounds {
  reach: number;
  breaks: number;
}

export function regexReach(re: RegExp): number {
  return regexBounds(re).reach;
}

export function regexBounds(re: RegExp): RegexBounds {
  // `v` classes nest (`[[a-z]--[aeiou]]`): this reader does not parse them.
  if (re.flags.includes('v')) return { reach: Infinity, breaks: Infinity };
  const multiline = re.flags.includes('m');
  const dotAll = re.flags.includes('s');
  let i = 0;
  const src = re.source;

  // alternation := sequence ('|' sequence)*
  const alternation = (): Span => {
    let best = sequence();
    while (src[i] === '|') {
      i++;
      const next = sequence();
      best = { len: Math.max(best.len, next.len), reach: Math.max(best.reach, next.reach), breaks: Math.max(best.breaks, next.breaks) };
    }
    return best;
  };

  const sequence = (): Span => {
    let len = 0;
    let reach = 0;
    let breaks = 0;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const atom = parseAtom();
      const times = quantifier();
      const atomLen = mul(atom.len, times);
      // Repeated atoms: the last repetition looks furthest.
      const atomReach = times === 0 ? 0 : mul(atom.len, times - 1) + atom.reach;
      reach = Math.max(reach, len + atomReach);
      len += atomLen;
      breaks += mul(atom.breaks, times);
    }
    return { len, reach: Math.max(reach, len), breaks };
  };

  const parseAtom = (): Span => {
    const c = src[i]!;
    if (c === '(') {
      i++;
      let kind: 'group' | 'ahead' | 'behind' = 'group';
      if (src.startsWith('?:', i)) i += 2;
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) (i += 2), (kind = 'ahead');
      else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) (i += 3), (kind = 'behind');
      else if (src.startsWith('?<', i)) i = src.indexOf('>', i) + 1; // named group
      const inner = alternation();
      i++; // ')'
      // A look-ahead consumes nothing but examines its whole extent; a look-behind examines text before the start.
      if (kind === 'ahead') return { len: 0, reach: inner.reach, breaks: inner.breaks };
      if (kind === 'behind') return { len: 0, reach: Infinity, breaks: Infinity };
      return inner;
    }
    if (c === '[') {
      const start = ++i;
      const negated = src[i] === '^';
      if (negated) i++;
      // In JavaScript a `]` right after `[` or `[^` closes the class (`[]`, `[^]`), unlike POSIX.
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      const body = src.slice(negated ? start + 1 : start, i);
      i++;
      return { len: 1, reach: 1, breaks: classMatchesBreak(body, negated) ? 1 : 0 };
    }
    if (c === '\\') return escape();
    i++;
    if (c === '^') return { len: 0, reach: 0, breaks: 0 };
    // `$` consumes nothing: it bounds no line break (the end it looks for is not a character).
    if (c === '$') return { len: 0, reach: multiline ? 1 : Infinity, breaks: 0 };
    if (c === '.') return { len: 1, reach: 1, breaks: dotAll ? 1 : 0 };
    return { len: 1, reach: 1, breaks: c === '\r' || c === '\n' ? 1 : 0 };
  };

  const escape = (): Span => {
    const e = src[i + 1] ?? '';
    const at = i;
    i += 2;
    if (e === 'b' || e === 'B') return { len: 0, reach: 1, breaks: 1 };
    if (/[1-9]/.test(e) || e === 'k') return { len: Infinity, reach: Infinity, breaks: Infinity }; // back-reference
    if (e === 'x') i += 2;
    else if (e === 'u') i = src[i] === '{' ? src.indexOf('}', i) + 1 : i + 4;
    else if (e === 'p' || e === 'P') i = src.indexOf('}', i) + 1;
    else if (e === 'c') i += 1;
    return { len: 1, reach: 1, breaks: escapeMatchesBreak(src.slice(at, i)) ? 1 : 0 };
  };

  /** How many times the atom just read may repeat, at most. */
  const quantifier = (): number => {
    const c = src[i];
    let max = 1;
    if (c === '*' || c === '+') {
      i++;
      max = Infinity;
    } else if (c === '?') {
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) return 1; // a literal `{`
      i += m[0].length;
      max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    } else return 1;
    if (src[i] === '?') i++; // lazy
    return max;
  };

  const mul = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

  const top = alternation();
  if (i !== src.length) return { reach: Infinity, breaks: Infinity }; // unbalanced parse: no claim
  return { reach: top.reach, breaks: top.breaks };
}

/** Bounds above this are not worth counting back (a prompt spans a line or two). */
const MAX_COUNTED_BREAKS = 8;

/**
 * The earliest start of a match that runs to the end of `text` and holds at most
 * `breaks` line-break characters (regexBounds): just after the (breaks+1)-th last
 * one. 0 when `text` has fewer, or when `breaks` is too large to be worth counting.
 */
export function startAfterBreaks(text: string, breaks: number): number {
  if (!(breaks < MAX_COUNTED_BREAKS)) return 0;
  let at = text.length;
  for (let seen = 0; seen <= breaks; seen++) {
    if (at === 0) return 0; // fewer breaks than that: anywhere
    at = Math.max(text.lastIndexOf('\r', at - 1), text.lastIndexOf('\n', at - 1));
    if (at < 0) return 0;
  }
  return at + 1;
}

/** Unicode property escapes for letters and numbers never match \r or \n. */
const LETTER_OR_NUMBER = /^\\p\{(?:L|Letter|Lu|Ll|Lt|Lm|Lo|N|Number|Nd|Nl|No|Alphabetic|Alpha)\}$/;

/** Escapes that can match \r or \n (when unsure: yes). */
function escapeMatchesBreak(esc: string): boolean {
  const item = classItem(esc, 0);
  if (item.kind === 'code') return item.code === 0x0a || item.code === 0x0d;
  return item.kind === 'set' ? item.breaks : true;
}

type ClassItem = { kind: 'code'; code: number; end: number } | { kind: 'set'; breaks: boolean; end: number } | { kind: 'unknown'; end: number };

/** One item of a class body (or one escape) at `i`: a character code, or a set such as \d. */
function classItem(src: string, i: number): ClassItem {
  if (src[i] !== '\\') return { kind: 'code', code: src.codePointAt(i)!, end: i + (src.codePointAt(i)! > 0xffff ? 2 : 1) };
  const e = src[i + 1] ?? '';
  const simple: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0, b: 8 };
  if (e in simple) return { kind: 'code', code: simple[e]!, end: i + 2 };
  if (e === 'd' || e === 'w' || e === 'S') return { kind: 'set', breaks: false, end: i + 2 };
  if (e === 'D' || e === 'W' || e === 's') return { kind: 'set', breaks: true, end: i + 2 };
  if (e === 'x') return hexItem(src.slice(i + 2, i + 4), i + 4);
  if (e === 'u') {
    if (src[i + 2] === '{') {
      const close = src.indexOf('}', i);
      return hexItem(src.slice(i + 3, close), close + 1);
    }
    return hexItem(src.slice(i + 2, i + 6), i + 6);
  }
  if (e === 'c') return { kind: 'code', code: (src.charCodeAt(i + 2) || 0) % 32, end: i + 3 };
  if (e === 'p' || e === 'P') {
    const end = src.indexOf('}', i) + 1;
    const letters = e === 'p' && LETTER_OR_NUMBER.test(src.slice(i, end));
    return letters ? { kind: 'set', breaks: false, end } : { kind: 'unknown', end };
  }
  return { kind: 'code', code: e.codePointAt(0) ?? 0, end: i + 2 }; // identity escape
}

function hexItem(hex: string, end: number): ClassItem {
  const code = parseInt(hex, 16);
  return Number.isNaN(code) ? { kind: 'unknown', end } : { kind: 'code', code, end };
}

/** Whether a character class (its body, without brackets and `^`) can match \r or \n. */
function classMatchesBreak(body: string, negated: boolean): boolean {
  // What the listed items cover: each break character, and whether anything is unknown.
  const covers = { lf: false, cr: false, unsure: false };
  for (let i = 0; i < body.length; ) {
    const item = classItem(body, i);
    i = item.end;
    if (item.kind === 'code' && body[i] === '-' && i + 1 < body.length) {
      const to = classItem(body, i + 1);
      i = to.end;
      if (to.kind !== 'code') {
        covers.unsure = true;
        continue;
      }
      if (item.code <= 10 && to.code >= 10) covers.lf = true;
      if (item.code <= 13 && to.code >= 13) covers.cr = true;
      continue;
    }
    if (item.kind === 'code') {
      if (item.code === 10) covers.lf = true;
      if (item.code === 13) covers.cr = true;
    } else if (item.kind === 'set') {
      if (item.breaks) covers.lf = covers.cr = true;
    } else covers.unsure = true;
  }
  // Negated: it matches a break unless both are surely excluded. Positive: if it may list one.
  if (negated) return !(covers.lf && covers.cr);
  return covers.lf || covers.cr || covers.unsure;
}

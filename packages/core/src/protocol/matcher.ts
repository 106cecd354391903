// Finds the first pattern of a list (list order wins, not text position) that
// matches the receive buffer. Linear: a pattern anchored at the end (`$`) is only
// tried on the last TAIL_WINDOW characters; others only on text not searched
// before plus an overlap, so such a match may be at most MATCH_WINDOW long.
import { regexBounds, startAfterBreaks } from '../regex/regex-reach.js';
import { alignCleaned } from './ansi.js';
import type { ReceiveBuffer } from './receive-buffer.js';

/** Longest text one match may span (the overlap searched again when new text comes). */
export const MATCH_WINDOW = 4096;
/** Tail searched for patterns anchored at the end (prompts, pagers); Exscript looks at 150. */
export const TAIL_WINDOW = 1024;

export interface SearchPattern {
  readonly re: RegExp;
  /** Absolute offset before which this pattern must not match (login errors: after credentials). */
  readonly from?: number;
  /** Free label for the caller (the login loop tells pattern kinds apart). */
  readonly tag?: string;
  /** Skip this pattern entirely. */
  readonly disabled?: boolean;
}

export interface Found {
  index: number;
  match: RegExpExecArray;
  /** Absolute offsets of the match in the buffer. */
  start: number;
  end: number;
}

type Anchor = 'end' | 'start' | 'free';
const anchors = new WeakMap<RegExp, Anchor>();

/** How a pattern is anchored: a trailing unescaped `$` (or `(?=\n?$)`) or a leading `^`, without the `m` flag. */
export function anchorOf(re: RegExp): Anchor {
  let a = anchors.get(re);
  if (a === undefined) {
    const multi = re.flags.includes('m');
    // `(?=\n?$)` is how drivers write Python's `$` (also before a final newline): anchored too.
    const endsAtEnd = /(^|[^\\])(\\\\)*\$$/.test(re.source) || re.source.endsWith('(?=\\n?$)');
    if (!multi && endsAtEnd && !hasTopLevelAlternation(re.source)) a = 'end';
    else if (!multi && re.source.startsWith('^') && !hasTopLevelAlternation(re.source)) a = 'start';
    else a = 'free';
    anchors.set(re, a);
  }
  return a;
}

/** `a$|b` is not anchored as a whole. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Non-global, non-sticky copy (exec from 0, no lastIndex state). */
const plain = new WeakMap<RegExp, RegExp>();
export function plainOf(re: RegExp): RegExp {
  let p = plain.get(re);
  if (!p) {
    p = /[gy]/.test(re.flags) ? new RegExp(re.source, re.flags.replace(/[gy]/g, '')) : re;
    plain.set(re, p);
  }
  return p;
}

/** Global copy (search from lastIndex) and how many line breaks one match can hold. */
const endSearch = new WeakMap<RegExp, { g: RegExp; breaks: number }>();
function endSearchOf(re: RegExp): { g: RegExp; breaks: number } {
  let e = endSearch.get(re);
  if (!e) {
    e = { g: new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}g`), breaks: regexBounds(re).breaks };
    endSearch.set(re, e);
  }
  return e;
}

export interface SearchOptions {
  /** Absolute offset up to which free patterns were already searched. */
  scannedTo: number;
  /** Driver hook applied to the searched text (prompt waits). */
  clean?: ((text: string) => string) | undefined;
}

export function findFirst(buf: ReceiveBuffer, patterns: readonly SearchPattern[], opts: SearchOptions): Found | undefined {
  // Patterns of one kind share a window (a prompt list: all the tail); cut and clean each window once.
  let windows: Window[] | undefined;
  for (let index = 0; index < patterns.length; index++) {
    const p = patterns[index]!;
    if (p.disabled) continue;
    const lower = Math.max(buf.start, p.from ?? buf.start);
    if (lower > buf.end) continue;
    const anchor = anchorOf(p.re);
    let a: number;
    let b = buf.end;
    if (anchor === 'end') a = Math.max(lower, buf.end - TAIL_WINDOW);
    else if (anchor === 'start') {
      if (lower > buf.start) continue;
      a = buf.start;
      b = Math.min(buf.end, buf.start + MATCH_WINDOW);
    } else a = Math.max(lower, Math.min(opts.scannedTo, buf.end) - MATCH_WINDOW);
    let w: Window | undefined;
    if (windows) for (const x of windows) if (x.at === a && x.to === b) w = x;
    if (!w) {
      w = cutWindow(buf, a, b, opts.clean);
      (windows ??= []).push(w);
    }
    let m: RegExpExecArray | null;
    if (anchor === 'end') {
      const e = endSearchOf(p.re);
      // It runs to the end holding at most e.breaks line breaks: a prompt costs its last line, not the tail.
      e.g.lastIndex = startAfterBreaks(w.cleaned, e.breaks);
      m = e.g.exec(w.cleaned);
    } else m = plainOf(p.re).exec(w.cleaned);
    if (!m) continue;
    const cs = m.index;
    const ce = m.index + m[0].length;
    let start = cs;
    let end = ce;
    if (w.map) {
      start = w.map[cs]!;
      end = ce === cs ? start : ce === w.cleaned.length ? w.text.length : w.map[ce - 1]! + 1;
    }
    m.index = w.at + start - buf.start;
    return { index, match: m, start: w.at + start, end: w.at + end };
  }
  return undefined;
}

interface Window {
  /** Absolute offsets of the raw text. */
  at: number;
  to: number;
  text: string;
  cleaned: string;
  /** cleaned index -> raw index, when cleaning changed the text. */
  map?: Int32Array;
}

function cutWindow(buf: ReceiveBuffer, a: number, b: number, clean: ((text: string) => string) | undefined): Window {
  const text = buf.slice(a, b);
  const cleaned = clean ? clean(text) : text;
  const w: Window = { at: a, to: b, text, cleaned };
  if (cleaned !== text) w.map = alignCleaned(text, cleaned);
  return w;
}

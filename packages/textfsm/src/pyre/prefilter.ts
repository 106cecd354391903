// Cheap tests that tell a line cannot match before the RegExp runs. They matter more than
// they seem: V8 compiles a RegExp on its first run (twice: bytecode, then machine code), which
// costs more than most runs, and most rules of a template never match most lines.
import type { Alt, Category, Node } from './ast.js';

/**
 * The longest literal text every match must contain (outside optional parts), or '' when
 * there is none. A line without it cannot match, so the RegExp need not run (nor be compiled:
 * V8 compiles a RegExp on its first run, which costs more than most runs).
 */
export function requiredLiteral(root: Alt): string {
  if (root.branches.length !== 1) return '';
  const found: Literal = { best: [], run: [] };
  literalRuns(root.branches[0]!, found);
  flush(found);
  let text = '';
  for (const cp of found.best) text += String.fromCodePoint(cp);
  return text;
}

/** Code points of the longest run so far and of the run being read. */
interface Literal {
  best: number[];
  run: number[];
}

function flush(l: Literal): void {
  if (l.run.length > l.best.length) l.best = l.run;
  l.run = [];
}

function literalRuns(items: Node[], l: Literal): void {
  for (const n of items) {
    if (n.t === 'char') l.run.push(n.cp);
    else if (n.t === 'group' && (n.kind === 'capture' || n.kind === 'plain' || n.kind === 'atomic') && n.body.branches.length === 1) literalRuns(n.body.branches[0]!, l);
    else if (n.t === 'at' || n.t === 'boundary' || (n.t === 'group' && n.kind !== 'capture' && n.kind !== 'plain' && n.kind !== 'atomic')) continue;
    else {
      flush(l);
      if (n.t === 'repeat' && n.min >= 1 && n.body.t === 'char') l.run.push(n.body.cp);
      flush(l);
    }
  }
}

const ASCII_CATEGORY: Record<Category, (c: number) => boolean> = {
  d: (c) => c >= 0x30 && c <= 0x39,
  w: (c) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f,
  s: (c) => (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20),
};

function inCategory(cat: Category, asciiFlag: boolean, c: number): boolean {
  if (cat === 's' && asciiFlag) return (c >= 0x09 && c <= 0x0d) || c === 0x20;
  return ASCII_CATEGORY[cat](c);
}

// The 128-entry table of each category (plain or negated, ASCII flag or not), made once.
const CATEGORY_TABLES: Uint8Array[] = [];
const CATEGORY_INDEX: Record<Category, number> = { d: 0, w: 4, s: 8 };
function categoryTable(cat: Category, neg: boolean, asciiFlag: boolean): Uint8Array {
  const key = CATEGORY_INDEX[cat] + (neg ? 2 : 0) + (asciiFlag ? 1 : 0);
  let t = CATEGORY_TABLES[key];
  if (!t) {
    t = new Uint8Array(128);
    for (let c = 0; c < 128; c++) t[c] = inCategory(cat, asciiFlag, c) !== neg ? 1 : 0;
    CATEGORY_TABLES[key] = t;
  }
  return t;
}

const NONE = new Uint8Array(128);
const byChar: Uint8Array[] = [];
const byKey = new Map<string, Uint8Array>();

/**
 * Which ASCII characters a leaf (character, any, class, category) accepts, as 128 flags; one
 * table per distinct leaf, shared across patterns. Used here and by the tree walker (./cold.ts);
 * test/cold.test.ts checks every leaf of the bundled templates against its emitted RegExp.
 */
export function leafTable(n: Node): Uint8Array {
  switch (n.t) {
    case 'char': {
      if (n.cp >= 128) return NONE;
      let t = byChar[n.cp];
      if (!t) {
        t = new Uint8Array(128);
        t[n.cp] = 1;
        byChar[n.cp] = t;
      }
      return t;
    }
    case 'cat':
      return categoryTable(n.cat, n.neg, n.ascii);
    case 'any':
    case 'set':
      break;
    default:
      throw new Error(`${n.t} is not a single-character node`);
  }
  // By content: trees are short-lived (./index.ts), tables are shared by every pattern.
  const key = n.t === 'any' ? (n.dotAll ? 'a1' : 'a0') : setKey(n);
  let t = byKey.get(key);
  if (!t) {
    t = new Uint8Array(128);
    if (n.t === 'any') {
      t.fill(1);
      if (!n.dotAll) t[0x0a] = 0;
    } else {
      for (const it of n.items) {
        if (it.t === 'range') for (let c = it.lo; c <= Math.min(it.hi, 127); c++) t[c] = 1;
        else {
          const cat = categoryTable(it.cat, it.neg, it.ascii);
          for (let c = 0; c < 128; c++) t[c]! |= cat[c]!;
        }
      }
      if (n.neg) for (let c = 0; c < 128; c++) t[c]! ^= 1;
    }
    byKey.set(key, t);
  }
  return t;
}

function setKey(n: Node & { t: 'set' }): string {
  let key = n.neg ? 's1' : 's0';
  for (const i of n.items) key += i.t === 'range' ? `,${i.lo}-${i.hi}` : `,${i.cat}${i.neg ? 1 : 0}${i.ascii ? 1 : 0}`;
  return key;
}

/**
 * Which ASCII characters can start a match at position 0 (Python's re.match), as 128 bits
 * (read with canStart), or undefined when any line may match (the pattern can match without
 * consuming, is case-insensitive, or uses a back-reference). Only for ASCII lines.
 */
export function firstChars(root: Alt, ignoreCase: boolean): Int32Array | undefined {
  if (ignoreCase) return undefined;
  SCRATCH.fill(0);
  sawRef = false;
  const nullable = firstOfAlt(root);
  if (nullable || sawRef) return undefined;
  // 128 flags as 4 words of bits: a pattern keeps 16 bytes.
  const bits = new Int32Array(4);
  for (let c = 0; c < 128; c++) if (SCRATCH[c] === 1) bits[c >> 5]! |= 1 << (c & 31);
  return bits;
}

/** True when the ASCII character `c` is in a firstChars() set. */
export function canStart(bits: Int32Array, c: number): boolean {
  return ((bits[c >> 5]! >>> (c & 31)) & 1) === 1;
}

/** Set when the pattern has a back-reference (its first characters are then unknown). */
let sawRef = false;

/** Adds the first characters of every branch to SCRATCH; true when a branch can match empty. */
function firstOfAlt(a: Alt): boolean {
  let nullable = false;
  for (const b of a.branches) if (firstOfSeq(b)) nullable = true;
  return nullable;
}

function firstOfSeq(items: Node[]): boolean {
  for (const n of items) if (!firstOfNode(n)) return false;
  return true;
}

/** Adds the first characters of `n`; true when it can match empty (what follows counts too). */
function firstOfNode(n: Node): boolean {
  switch (n.t) {
    case 'char':
      if (n.cp < 128) SCRATCH[n.cp] = 1;
      return false;
    case 'any':
    case 'cat':
    case 'set': {
      const t = leafTable(n);
      for (let c = 0; c < 128; c++) SCRATCH[c]! |= t[c]!;
      return false;
    }
    case 'at':
    case 'boundary':
      return true;
    case 'ref':
      sawRef = true;
      return true;
    case 'group':
      if (n.kind === 'capture' || n.kind === 'plain' || n.kind === 'atomic') return firstOfAlt(n.body);
      return true; // look-arounds consume nothing; ignoring their condition only lets more lines through
    case 'repeat':
      return firstOfNode(n.body) || n.min === 0;
  }
}

// Built in one scratch table, then kept as bits: a 128-byte table per rule of every cached
// template was garbage-collector work.
const SCRATCH = new Uint8Array(128);

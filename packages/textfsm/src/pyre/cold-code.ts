// The tree walker's program (./cold.ts): a pattern tree flattened into one Int32Array of
// operations plus the character tables its leaves use. A compiled template keeps one walker per
// rule; as a closure per node those walkers were most of what a template kept alive (and what
// the garbage collector copied), as two arrays they are a few hundred bytes.
import { isLeaf, type Alt, type Node } from './ast.js';
import { leafTable } from './prefilter.js';
import { width } from './width.js';

// Operations and their operands (the number of words each takes is in brackets).
/** [2] table: one character the table accepts. */
export const LEAF = 0;
/** [5] table, min, max, lazy: a run of characters the table accepts; what follows starts at +5. */
export const RUN = 1;
/** [3] kind (AT_*), multiline. */
export const AT = 2;
/** [2] negated: `\b`, `\B`. */
export const BOUNDARY = 3;
/** [2 + n] n, then the start of each branch; each branch but the last ends with a JUMP. */
export const ALT = 4;
/** [2] target. */
export const JUMP = 5;
/** [2] group: a capturing group starts here. */
export const OPEN = 6;
/** [2] group: it ends here. */
export const CLOSE = 7;
/** [6] slot, min, max, lazy, exit: a repeat whose body starts at +6 and ends with TAIL. */
export const REPEAT = 8;
/** [2] the REPEAT's position: one pass of the body is over. */
export const TAIL = 9;
/** [5] positive, back, slot, exit: a look-around whose body starts at +5 and ends with LOOK_END. */
export const LOOK = 10;
/** [3] slot, back. */
export const LOOK_END = 11;
/** [1] the whole pattern matched. */
export const MATCH = 12;
/** [2] code: one given character (most leaves are). */
export const CHAR = 13;

export const AT_BOS = 0;
export const AT_EOS = 1;
export const AT_BOL = 2;
export const AT_EOL = 3;

/** Stands for an unbounded repeat (no line is this long). */
export const UNBOUNDED = 0x7fffffff;

const NO_GROUPS = new Map<number, Alt>();
const AT_KINDS = { bos: AT_BOS, eos: AT_EOS, bol: AT_BOL, eol: AT_EOL } as const;

export interface Program {
  code: Int32Array;
  tables: Uint8Array[];
  /** Slots for repeat state and for look-arounds. */
  repeats: number;
  looks: number;
}

/**
 * The program of a tree, or null when the tree has what the walker does not handle: back-
 * references, atomic groups and possessive repeats (the RegExp and ./replay.ts answer those).
 */
export function assemble(root: Alt): Program | null {
  const a = ASSEMBLER;
  a.len = 0;
  a.tables = [];
  a.repeats = 0;
  a.looks = 0;
  a.unsupported = false;
  a.alt(root);
  if (a.unsupported) return null;
  a.put(MATCH);
  return { code: a.code.slice(0, a.len), tables: a.tables, repeats: a.repeats, looks: a.looks };
}

/** One assembler for all patterns, writing into one buffer that keeps its size. */
class Assembler {
  code = new Int32Array(1024);
  len = 0;
  tables: Uint8Array[] = [];
  repeats = 0;
  looks = 0;
  unsupported = false;

  put(word: number): void {
    if (this.len === this.code.length) {
      const bigger = new Int32Array(2 * this.len);
      bigger.set(this.code);
      this.code = bigger;
    }
    this.code[this.len++] = word;
  }

  private put2(a: number, b: number): void {
    this.put(a);
    this.put(b);
  }

  private table(n: Node): number {
    const t = leafTable(n);
    const i = this.tables.indexOf(t);
    return i >= 0 ? i : this.tables.push(t) - 1;
  }

  alt(a: Alt): void {
    const n = a.branches.length;
    if (n === 1) return this.seq(a.branches[0]!);
    const at = this.len;
    this.put2(ALT, n);
    for (let i = 0; i < n; i++) this.put(0);
    const jumps: number[] = [];
    for (let i = 0; i < n; i++) {
      this.code[at + 2 + i] = this.len;
      this.seq(a.branches[i]!);
      if (i < n - 1) {
        jumps.push(this.len + 1);
        this.put2(JUMP, 0);
      }
    }
    for (const j of jumps) this.code[j] = this.len;
  }

  private seq(nodes: Node[]): void {
    for (const n of nodes) this.node(n);
  }

  private node(n: Node): void {
    switch (n.t) {
      case 'char':
        this.put2(CHAR, n.cp);
        return;
      case 'any':
      case 'set':
      case 'cat':
        this.put2(LEAF, this.table(n));
        return;
      case 'at':
        this.put(AT);
        this.put2(AT_KINDS[n.at], n.multiline ? 1 : 0);
        return;
      case 'boundary':
        this.put2(BOUNDARY, n.neg ? 1 : 0);
        return;
      case 'group':
        if (n.kind === 'plain') return this.alt(n.body);
        if (n.kind === 'atomic') {
          this.unsupported = true;
          return;
        }
        if (n.kind === 'capture') {
          this.put2(OPEN, n.index);
          this.alt(n.body);
          this.put2(CLOSE, n.index);
          return;
        }
        return this.look(n);
      case 'repeat': {
        if (n.possessive) {
          this.unsupported = true;
          return;
        }
        const max = n.max === Infinity || n.max > UNBOUNDED ? UNBOUNDED : n.max;
        const min = Math.min(n.min, UNBOUNDED);
        if (isLeaf(n.body)) {
          this.put2(RUN, this.table(n.body));
          this.put2(min, max);
          this.put(n.lazy ? 1 : 0);
          return;
        }
        const at = this.len;
        this.put2(REPEAT, this.repeats++);
        this.put2(min, max);
        this.put2(n.lazy ? 1 : 0, 0);
        this.node(n.body);
        this.put2(TAIL, at);
        this.code[at + 5] = this.len;
        return;
      }
      case 'ref':
        this.unsupported = true;
        return;
    }
  }

  private look(n: Node & { t: 'group' }): void {
    const back = n.kind === 'behind' || n.kind === 'notBehind' ? width(n.body, NO_GROUPS)[0] : 0;
    const slot = this.looks++;
    const at = this.len;
    this.put2(LOOK, n.kind === 'ahead' || n.kind === 'behind' ? 1 : 0);
    this.put2(back, slot);
    this.put(0);
    this.alt(n.body);
    this.put(LOOK_END);
    this.put2(slot, back);
    this.code[at + 4] = this.len;
  }
}

const ASSEMBLER = new Assembler();

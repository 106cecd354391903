// The tree walker's program (./cold.ts): a pattern tree flattened into one Int32Array of
// operations plus the character tables its leaves use. A compiled template keeps one walker per
// rule; as a closure per node those walkers were most of what a template kept alive (and what
// the garbage collector copied), as two arrays they are a few hundred bytes.
import type { Alt, Node } from './ast.js';
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

export const isLeaf = (n: Node): boolean => n.t === 'char' || n.t === 'any' || n.t === 'set' || n.t === 'cat';

/** The program of a tree the walker handles (see supported() in ./cold.ts). */
export function assemble(root: Alt): Program {
  const code: number[] = [];
  const tables: Uint8Array[] = [];
  const tableIndex = new Map<Uint8Array, number>();
  let repeats = 0;
  let looks = 0;

  const table = (n: Node): number => {
    const t = leafTable(n);
    let i = tableIndex.get(t);
    if (i === undefined) {
      i = tables.push(t) - 1;
      tableIndex.set(t, i);
    }
    return i;
  };

  const alt = (a: Alt): void => {
    if (a.branches.length === 1) return seq(a.branches[0]!);
    const at = code.length;
    code.push(ALT, a.branches.length, ...a.branches.map(() => 0));
    const jumps: number[] = [];
    a.branches.forEach((b, i) => {
      code[at + 2 + i] = code.length;
      seq(b);
      if (i < a.branches.length - 1) {
        jumps.push(code.length + 1);
        code.push(JUMP, 0);
      }
    });
    for (const j of jumps) code[j] = code.length;
  };

  const seq = (nodes: Node[]): void => {
    for (const n of nodes) node(n);
  };

  const node = (n: Node): void => {
    switch (n.t) {
      case 'char':
        code.push(CHAR, n.cp);
        return;
      case 'any':
      case 'set':
      case 'cat':
        code.push(LEAF, table(n));
        return;
      case 'at':
        code.push(AT, AT_KINDS[n.at], n.multiline ? 1 : 0);
        return;
      case 'boundary':
        code.push(BOUNDARY, n.neg ? 1 : 0);
        return;
      case 'group':
        if (n.kind === 'plain') return alt(n.body);
        if (n.kind === 'capture') {
          code.push(OPEN, n.index);
          alt(n.body);
          code.push(CLOSE, n.index);
          return;
        }
        return look(n);
      case 'repeat': {
        const max = n.max === Infinity || n.max > UNBOUNDED ? UNBOUNDED : n.max;
        const min = Math.min(n.min, UNBOUNDED);
        if (isLeaf(n.body)) {
          code.push(RUN, table(n.body), min, max, n.lazy ? 1 : 0);
          return;
        }
        const at = code.length;
        code.push(REPEAT, repeats++, min, max, n.lazy ? 1 : 0, 0);
        node(n.body);
        code.push(TAIL, at);
        code[at + 5] = code.length;
        return;
      }
      default:
        throw new Error(`cold matcher: unexpected ${n.t}`);
    }
  };

  const look = (n: Node & { t: 'group' }): void => {
    const back = n.kind === 'behind' || n.kind === 'notBehind' ? width(n.body, NO_GROUPS)[0] : 0;
    const slot = looks++;
    const at = code.length;
    code.push(LOOK, n.kind === 'ahead' || n.kind === 'behind' ? 1 : 0, back, slot, 0);
    alt(n.body);
    code.push(LOOK_END, slot, back);
    code[at + 4] = code.length;
  };

  alt(root);
  code.push(MATCH);
  return { code: Int32Array.from(code), tables, repeats, looks };
}

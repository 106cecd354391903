// Where Python's groups differ from JavaScript's, the match is walked again here on the syntax
// tree with Python's rules (sre's), and its answer is the result:
// - Python keeps a group's last value across the iterations of a repeat: in `((\w+)?\s)+` on
//   "BR  " the group is still "BR"; JavaScript resets a quantified atom's groups every iteration.
// - Python accepts one empty iteration of a repeat (keeping its groups) and then stops;
//   JavaScript rejects the empty iteration: `(?:\s*(?P<x>.*))?$` on "" sets x to '' in
//   Python and leaves it unset in JavaScript.
// - A back-reference to a group that did not take part fails in Python, matches empty in
//   JavaScript.
// Only patterns with groups inside repeats or with back-references pay for it, and only on
// lines V8 already matched (JavaScript accepts at least what Python accepts there). On ASCII
// lines the tree walker (./cold.ts) gives the same answer faster; this runs where it cannot
// (other lines, back-references, atomic groups, IGNORECASE).
import type { Alt, Node } from './ast.js';
import { emitLeaf, type Variant } from './emit.js';
import { leafTable } from './prefilter.js';
import { canBeEmpty } from './width.js';

/** Work limit per replay; past it the caller keeps JavaScript's groups. */
const STEP_LIMIT = 200_000;

type Next = (pos: number) => boolean;

class Budget extends Error {}

/**
 * True when JavaScript's groups can differ from Python's: a capturing group inside a repeat
 * that can run more than once or can match empty, or a back-reference (Python fails on one
 * to an unset group, JavaScript matches it as empty).
 */
export function needsReplay(root: Alt): boolean {
  return altNeedsReplay(root, false);
}

function altNeedsReplay(a: Alt, inRepeat: boolean): boolean {
  for (const b of a.branches) for (const n of b) if (nodeNeedsReplay(n, inRepeat)) return true;
  return false;
}

function nodeNeedsReplay(n: Node, inRepeat: boolean): boolean {
  if (n.t === 'ref') return true;
  if (n.t === 'group') return (inRepeat && n.kind === 'capture') || altNeedsReplay(n.body, inRepeat);
  // An optional part that can match empty: Python takes the empty pass (its groups set to
  // ''), JavaScript refuses it and leaves them unset.
  if (n.t === 'repeat') return nodeNeedsReplay(n.body, inRepeat || n.max > 1 || (n.min === 0 && canBeEmpty(n.body)));
  return false;
}

/**
 * Python's match at 0 of `text`: [start, end] per group number (-1 when unset; group 0 is the
 * match), 'none' when Python finds no match, 'budget' when the walk went over its work limit.
 */
export function replay(root: Alt, groups: number, text: string, variant: Variant, ignoreCase: boolean): Int32Array | 'none' | 'budget' {
  const r = new Replayer(text, variant, ignoreCase, groups);
  try {
    const found = r.alt(root, 0, (end) => {
      r.caps[0] = 0;
      r.caps[1] = end;
      return true;
    });
    return found ? r.caps : 'none';
  } catch (err) {
    if (err instanceof Budget || err instanceof RangeError) return 'budget';
    throw err;
  }
}

const leaves = new WeakMap<Node, Map<string, RegExp>>();

class Replayer {
  readonly caps: Int32Array;
  private steps = 0;

  constructor(
    private readonly s: string,
    private readonly variant: Variant,
    private readonly ignoreCase: boolean,
    groups: number,
  ) {
    this.caps = new Int32Array(2 * (groups + 1)).fill(-1);
  }

  alt(a: Alt, pos: number, k: Next): boolean {
    for (const branch of a.branches) if (this.seq(branch, 0, pos, k)) return true;
    return false;
  }

  private seq(nodes: Node[], i: number, pos: number, k: Next): boolean {
    if (++this.steps > STEP_LIMIT) throw new Budget();
    if (i === nodes.length) return k(pos);
    return this.node(nodes[i]!, pos, (p) => this.seq(nodes, i + 1, p, k));
  }

  /** A leaf (character, class, anchor) through its own sticky RegExp: the end, or -1. */
  private leaf(n: Node, pos: number): number {
    if (this.variant === 'ascii' && !this.ignoreCase && n.t !== 'at' && n.t !== 'boundary') {
      // A single character of an ASCII line: the leaf's table (./prefilter.ts) answers without a RegExp.
      return pos < this.s.length && leafTable(n)[this.s.charCodeAt(pos)] === 1 ? pos + 1 : -1;
    }
    let byVariant = leaves.get(n);
    if (!byVariant) leaves.set(n, (byVariant = new Map()));
    const key = `${this.variant}${this.ignoreCase ? 'i' : ''}`;
    let re = byVariant.get(key);
    if (!re) byVariant.set(key, (re = new RegExp(emitLeaf(n, this.variant, this.ignoreCase), (this.ignoreCase ? 'i' : '') + (this.variant === 'ascii' ? 'y' : 'yu'))));
    re.lastIndex = pos;
    return re.test(this.s) ? re.lastIndex : -1;
  }

  private node(n: Node, pos: number, k: Next): boolean {
    switch (n.t) {
      case 'group':
        return this.group(n, pos, k);
      case 'ref': {
        const a = this.caps[2 * n.index]!;
        const b = this.caps[2 * n.index + 1]!;
        if (a < 0) return false;
        const want = this.s.slice(a, b);
        const got = this.s.slice(pos, pos + want.length);
        const same = this.ignoreCase ? got.toLowerCase() === want.toLowerCase() : got === want;
        return got.length === want.length && same && k(pos + want.length);
      }
      case 'repeat':
        if (n.possessive) return this.atomic((k2) => this.repeat(n, pos, 0, -1, k2), k);
        return this.repeat(n, pos, 0, -1, k);
      default: {
        const end = this.leaf(n, pos);
        return end >= 0 && k(end);
      }
    }
  }

  /**
   * Python's repeat (sre's MAX_UNTIL / MIN_UNTIL): below the minimum it must iterate; above,
   * another iteration is tried only when the previous one consumed something, and an empty
   * iteration counts (its groups are kept) where JavaScript would reject it.
   */
  private repeat(n: Node & { t: 'repeat' }, pos: number, count: number, lastStart: number, k: Next): boolean {
    const iterate = (): boolean => this.node(n.body, pos, (p) => this.repeat(n, p, count + 1, pos, k));
    if (count < n.min) return iterate();
    const more = (): boolean => count < n.max && pos !== lastStart && iterate();
    const done = (): boolean => k(pos);
    return n.lazy ? done() || more() : more() || done();
  }

  private atomic(inner: (k: Next) => boolean, k: Next): boolean {
    let end = -1;
    const snap = this.caps.slice();
    if (!inner((p) => ((end = p), true))) return false;
    if (k(end)) return true;
    this.caps.set(snap);
    return false;
  }

  private group(n: Node & { t: 'group' }, pos: number, k: Next): boolean {
    const snap = (): Int32Array => this.caps.slice();
    switch (n.kind) {
      case 'capture':
        return this.alt(n.body, pos, (p) => {
          const i = 2 * n.index;
          const a = this.caps[i]!;
          const b = this.caps[i + 1]!;
          this.caps[i] = pos;
          this.caps[i + 1] = p;
          if (k(p)) return true;
          this.caps[i] = a;
          this.caps[i + 1] = b;
          return false;
        });
      case 'plain':
        return this.alt(n.body, pos, k);
      case 'atomic':
        return this.atomic((k2) => this.alt(n.body, pos, k2), k);
      case 'ahead':
      case 'notAhead': {
        const saved = snap();
        const found = this.alt(n.body, pos, () => true);
        if (found === (n.kind === 'ahead') && k(pos)) return true;
        this.caps.set(saved);
        return false;
      }
      case 'behind':
      case 'notBehind': {
        const saved = snap();
        let found = false;
        for (let start = pos; start >= 0 && !found; start--) found = this.alt(n.body, start, (p) => p === pos);
        if (found === (n.kind === 'behind') && k(pos)) return true;
        this.caps.set(saved);
        return false;
      }
    }
  }
}

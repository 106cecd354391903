// A small backtracking matcher over the syntax tree, for a pattern's first few lines.
// V8 spends 20-40 µs building each RegExp (bytecode, then machine code on its second run);
// a template has dozens of rules and most of them see a handful of lines of a given output,
// where walking the tree costs far less than building the RegExp. Past its first lines a
// pattern moves to its RegExp (./index.ts). ASCII-only lines, case-sensitive patterns, and
// only the node kinds below; anything else returns null from compileCold and uses the RegExp.
// Semantics are Python's (sre): ordered alternation, greedy/lazy repeats that stop after an
// empty iteration, a group keeps the value of its last successful pass. So where JavaScript's
// groups differ from Python's (./replay.ts) the walker also gives the groups after the RegExp
// has said a line matches.
import { make, type Alt, type Node } from './ast.js';
import { leafTable } from './prefilter.js';
import { width } from './width.js';

const NO_GROUPS = new Map<number, Alt>();
const WORD = leafTable(make.cat('w', false, true));

/** Work limit per match; past it the caller uses the RegExp for the line. */
const STEP_LIMIT = 20_000;

/** Matches from `pos` and everything after it; true when the whole pattern matched. */
type M = (pos: number) => boolean;

class OverBudget extends Error {}

const isLeaf = (n: Node): boolean => n.t === 'char' || n.t === 'any' || n.t === 'set' || n.t === 'cat';

function supported(n: Node): boolean {
  switch (n.t) {
    case 'char':
    case 'any':
    case 'set':
    case 'cat':
    case 'at':
    case 'boundary':
      return true;
    case 'group':
      return n.kind !== 'atomic' && n.body.branches.every((b) => b.every(supported));
    case 'repeat':
      return !n.possessive && supported(n.body);
    default:
      return false;
  }
}

/** Python's match at 0 of an ASCII `text`: group texts by number, null, or 'budget'. */
export interface ColdMatcher {
  exec(text: string): (string | undefined)[] | null | 'budget';
}

/** A matcher for `root`, or null when it uses what this file does not handle. */
export function compileCold(root: Alt, groups: number, ignoreCase: boolean): ColdMatcher | null {
  if (ignoreCase || !root.branches.every((b) => b.every(supported))) return null;
  return new Cold(root, groups);
}

class Cold implements ColdMatcher {
  private s = '';
  private steps = 0;
  private end = -1;
  private readonly caps: Int32Array;
  /** Where the innermost open pass of each capturing group started. */
  private readonly starts: Int32Array;
  private readonly top: M;

  constructor(root: Alt, private readonly groups: number) {
    this.caps = new Int32Array(2 * (groups + 1));
    this.starts = new Int32Array(groups + 1);
    this.top = this.alt(root, (p) => {
      this.end = p;
      return true;
    });
  }

  exec(text: string): (string | undefined)[] | null | 'budget' {
    this.s = text;
    this.steps = 0;
    this.caps.fill(-1);
    try {
      if (!this.top(0)) return null;
    } catch (err) {
      if (err instanceof OverBudget || err instanceof RangeError) return 'budget';
      throw err;
    }
    const values: (string | undefined)[] = [text.slice(0, this.end)];
    for (let g = 1; g <= this.groups; g++) values.push(this.caps[2 * g]! < 0 ? undefined : text.slice(this.caps[2 * g], this.caps[2 * g + 1]));
    return values;
  }

  // Every matcher is built with what follows it (`then`), so a match runs as plain calls:
  // no continuation is allocated per step except where a repeat loops back.

  private alt(a: Alt, then: M): M {
    const branches = a.branches.map((b) => this.seq(b, then));
    if (branches.length === 1) return branches[0]!;
    return (pos) => {
      for (let i = 0; i < branches.length; i++) if (branches[i]!(pos)) return true;
      return false;
    };
  }

  private seq(nodes: Node[], then: M): M {
    let next = then;
    for (let i = nodes.length - 1; i >= 0; ) {
      // A run of single-character leaves is checked in one step.
      let j = i;
      while (j >= 0 && isLeaf(nodes[j]!)) j--;
      if (j < i) {
        next = this.fixed(nodes.slice(j + 1, i + 1).map(leafTable), next);
        i = j;
        continue;
      }
      next = this.node(nodes[i]!, next);
      i--;
    }
    return next;
  }

  private fixed(run: Uint8Array[], then: M): M {
    const n = run.length;
    return (pos) => {
      if (++this.steps > STEP_LIMIT) throw new OverBudget();
      const s = this.s;
      if (pos + n > s.length) return false;
      for (let i = 0; i < n; i++) if (run[i]![s.charCodeAt(pos + i)] !== 1) return false;
      return then(pos + n);
    };
  }

  private node(n: Node, then: M): M {
    switch (n.t) {
      case 'at':
        return this.anchor(n, then);
      case 'boundary':
        return this.boundary(n.neg, then);
      case 'group':
        if (n.kind === 'plain') return this.alt(n.body, then);
        if (n.kind === 'capture') return this.capture(n.index, n.body, then);
        return this.look(n, then);
      case 'repeat':
        return isLeaf(n.body) ? this.run(leafTable(n.body), n.min, n.max, n.lazy, then) : this.repeat(n, then);
      default:
        throw new Error(`cold matcher: unexpected ${n.t}`);
    }
  }

  private capture(g: number, body: Alt, then: M): M {
    const { caps, starts } = this;
    const close: M = (p) => {
      const a = caps[2 * g]!;
      const b = caps[2 * g + 1]!;
      caps[2 * g] = starts[g]!;
      caps[2 * g + 1] = p;
      if (then(p)) return true;
      caps[2 * g] = a;
      caps[2 * g + 1] = b;
      return false;
    };
    const inner = this.alt(body, close);
    return (pos) => {
      const saved = starts[g]!;
      starts[g] = pos;
      const found = inner(pos);
      starts[g] = saved;
      return found;
    };
  }

  private anchor(n: Node & { t: 'at' }, then: M): M {
    const at = n.at;
    const multiline = n.multiline;
    return (pos) => {
      const s = this.s;
      let ok: boolean;
      if (at === 'bos') ok = pos === 0;
      else if (at === 'eos') ok = pos === s.length;
      else if (at === 'bol') ok = pos === 0 || (multiline && s.charCodeAt(pos - 1) === 10);
      else ok = pos === s.length || (s.charCodeAt(pos) === 10 && (multiline || pos === s.length - 1));
      return ok && then(pos);
    };
  }

  /** `\b` / `\B` on ASCII text (word characters [A-Za-z0-9_] under any flags); sre says no to both on an empty text. */
  private boundary(neg: boolean, then: M): M {
    return (pos) => {
      const s = this.s;
      if (s.length === 0) return false;
      const before = pos > 0 && WORD[s.charCodeAt(pos - 1)] === 1;
      const after = pos < s.length && WORD[s.charCodeAt(pos)] === 1;
      return (before !== after) !== neg && then(pos);
    };
  }

  /**
   * A look-ahead or look-behind (fixed width, as Python requires): its body matches once, with
   * no backtracking into it; groups it sets stay only when it is positive and what follows matches.
   */
  private look(n: Node & { t: 'group' }, then: M): M {
    const positive = n.kind === 'ahead' || n.kind === 'behind';
    const back = n.kind === 'behind' || n.kind === 'notBehind' ? width(n.body, NO_GROUPS)[0] : 0;
    let at = -1;
    const body = this.alt(n.body, (p) => back === 0 || p === at);
    const caps = this.caps;
    return (pos) => {
      const start = pos - back;
      const saved = caps.slice();
      const outer = at;
      at = pos;
      const found = start >= 0 && body(start);
      at = outer;
      if (found === positive && then(pos)) return true;
      caps.set(saved);
      return false;
    };
  }

  /** A single-character leaf repeated min..max times: the longest run first (or shortest, lazy). */
  private run(table: Uint8Array, min: number, max: number, lazy: boolean, then: M): M {
    return (pos) => {
      if (++this.steps > STEP_LIMIT) throw new OverBudget();
      const s = this.s;
      const limit = Math.min(s.length, max === Infinity ? s.length : pos + max);
      let end = pos;
      while (end < limit && table[s.charCodeAt(end)] === 1) end++;
      if (end - pos < min) return false;
      if (lazy) {
        for (let p = pos + min; p <= end; p++) if (then(p)) return true;
      } else {
        for (let p = end; p >= pos + min; p--) if (then(p)) return true;
      }
      return false;
    };
  }

  /**
   * Python's repeat (sre's MAX_UNTIL / MIN_UNTIL), as in ./replay.ts. Its iteration count and
   * where the last pass started live here and are put back on the way out, so a repeat met
   * again inside what follows it starts afresh.
   */
  private repeat(n: Node & { t: 'repeat' }, then: M): M {
    const { min, max, lazy } = n;
    let count = 0;
    let lastStart = -1;
    let passStart = -1;
    const step: M = (pos) => {
      if (++this.steps > STEP_LIMIT) throw new OverBudget();
      if (count < min) return pass(pos);
      // Another pass only when the last one consumed something (sre stops after an empty one).
      const more = count < max && pos !== lastStart;
      if (lazy) return then(pos) || (more && pass(pos));
      return (more && pass(pos)) || then(pos);
    };
    const afterBody: M = (p) => {
      const c = count;
      const l = lastStart;
      count = c + 1;
      lastStart = passStart;
      const found = step(p);
      count = c;
      lastStart = l;
      return found;
    };
    const body = this.node(n.body, afterBody);
    const pass: M = (pos) => {
      const saved = passStart;
      passStart = pos;
      const found = body(pos);
      passStart = saved;
      return found;
    };
    return (pos) => {
      const c = count;
      const l = lastStart;
      count = 0;
      lastStart = -1;
      const found = step(pos);
      count = c;
      lastStart = l;
      return found;
    };
  }
}

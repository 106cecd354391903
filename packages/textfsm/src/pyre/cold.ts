// A small backtracking matcher for a pattern's first few lines, run over the pattern tree
// flattened into a program (./cold-code.ts). V8 spends 20-40 µs building each RegExp
// (bytecode, then machine code on its second run); a template has dozens of rules and most of
// them see a handful of lines of a given output, where this costs far less than building the
// RegExp. Past its first lines a pattern moves to its RegExp (./index.ts). ASCII-only lines,
// case-sensitive patterns, and the node kinds assemble() in ./cold-code.ts takes; anything else
// returns null from compileCold and uses the RegExp.
// Semantics are Python's (sre): ordered alternation, greedy/lazy repeats that stop after an
// empty iteration, a group keeps the value of its last successful pass. So where JavaScript's
// groups differ from Python's (./replay.ts) the walker also gives the groups after the RegExp
// has said a line matches.
import { make, type Alt } from './ast.js';
import * as op from './cold-code.js';
import { leafTable } from './prefilter.js';

const WORD = leafTable(make.cat('w', false, true));

/** Work limit per match; past it the caller uses the RegExp for the line. */
const STEP_LIMIT = 20_000;

class OverBudget extends Error {}

/** Python's match at 0 of an ASCII `text`: group texts by number, null, or 'budget'. */
export interface ColdMatcher {
  exec(text: string): (string | undefined)[] | null | 'budget';
}

/** A matcher for `root`, or null when it uses what the walker does not handle (see assemble). */
export function compileCold(root: Alt, groups: number, ignoreCase: boolean): ColdMatcher | null {
  if (ignoreCase) return null;
  const program = op.assemble(root);
  return program && new Cold(program, groups);
}

// The state of a match lives in one array shared by all walkers (a match never starts another),
// laid out per walker: group spans (2 per group, group 0 too), where each group's open pass
// started, then per repeat its passes done, where its last pass started and where the current
// one started, then per look-around where it stands. Walkers kept for every rule of every cached
// template then hold only their program.
let state = new Int32Array(256);

class Cold implements ColdMatcher {
  private s = '';
  private steps = 0;
  private end = -1;
  private readonly code: Int32Array;
  private readonly tables: Uint8Array[];
  private readonly starts: number;
  private readonly count: number;
  private readonly last: number;
  private readonly passStart: number;
  private readonly lookAt: number;
  private readonly size: number;

  constructor(program: op.Program, private readonly groups: number) {
    this.code = program.code;
    this.tables = program.tables;
    this.starts = 2 * (groups + 1);
    this.count = this.starts + groups + 1;
    this.last = this.count + program.repeats;
    this.passStart = this.last + program.repeats;
    this.lookAt = this.passStart + program.repeats;
    this.size = this.lookAt + program.looks;
  }

  exec(text: string): (string | undefined)[] | null | 'budget' {
    this.s = text;
    this.steps = 0;
    if (state.length < this.size) state = new Int32Array(2 * this.size);
    state.fill(-1, 0, this.starts);
    try {
      if (!this.m(0, 0)) return null;
    } catch (err) {
      if (err instanceof OverBudget || err instanceof RangeError) return 'budget';
      throw err;
    } finally {
      this.s = ''; // a line is a slice of the whole output: holding it would keep the output alive
    }
    const values: (string | undefined)[] = [text.slice(0, this.end)];
    for (let g = 1; g <= this.groups; g++) values.push(state[2 * g]! < 0 ? undefined : text.slice(state[2 * g], state[2 * g + 1]));
    return values;
  }

  /**
   * Matches the program from `pc` at `pos` through to its end: true when the whole pattern
   * matched. Straight-line operations loop here; where there is a choice to come back to, the
   * rest of the match is a recursive call and a false answer tries the next choice.
   */
  private m(pc: number, pos: number): boolean {
    if (++this.steps > STEP_LIMIT) throw new OverBudget();
    const code = this.code;
    const s = this.s;
    for (;;) {
      switch (code[pc]) {
        case op.CHAR:
          if (s.charCodeAt(pos) !== code[pc + 1]) return false;
          pos++;
          pc += 2;
          break;
        case op.LEAF:
          if (pos >= s.length || this.tables[code[pc + 1]!]![s.charCodeAt(pos)] !== 1) return false;
          pos++;
          pc += 2;
          break;
        case op.AT:
          if (!this.at(code[pc + 1]!, code[pc + 2] === 1, pos)) return false;
          pc += 3;
          break;
        case op.BOUNDARY: {
          // Word characters are [A-Za-z0-9_] on ASCII text under any flags; sre refuses both on an empty text.
          if (s.length === 0) return false;
          const before = pos > 0 && WORD[s.charCodeAt(pos - 1)] === 1;
          const after = pos < s.length && WORD[s.charCodeAt(pos)] === 1;
          if ((before !== after) === (code[pc + 1] === 1)) return false;
          pc += 2;
          break;
        }
        case op.JUMP:
          pc = code[pc + 1]!;
          break;
        case op.RUN:
          return this.run(pc, pos);
        case op.ALT: {
          const n = code[pc + 1]!;
          for (let i = 0; i < n; i++) if (this.m(code[pc + 2 + i]!, pos)) return true;
          return false;
        }
        case op.OPEN: {
          const i = this.starts + code[pc + 1]!;
          const saved = state[i]!;
          state[i] = pos;
          const found = this.m(pc + 2, pos);
          state[i] = saved;
          return found;
        }
        case op.CLOSE: {
          // A group keeps the value of its last pass that the rest of the match accepts.
          const i = 2 * code[pc + 1]!;
          const a = state[i]!;
          const b = state[i + 1]!;
          state[i] = state[this.starts + code[pc + 1]!]!;
          state[i + 1] = pos;
          if (this.m(pc + 2, pos)) return true;
          state[i] = a;
          state[i + 1] = b;
          return false;
        }
        case op.REPEAT: {
          // Its state is put back on the way out, so a repeat met again inside what follows it starts afresh.
          const r = code[pc + 1]!;
          const c = state[this.count + r]!;
          const l = state[this.last + r]!;
          state[this.count + r] = 0;
          state[this.last + r] = -1;
          const found = this.step(pc, pos);
          state[this.count + r] = c;
          state[this.last + r] = l;
          return found;
        }
        case op.TAIL: {
          const at = code[pc + 1]!;
          const r = code[at + 1]!;
          const c = state[this.count + r]!;
          const l = state[this.last + r]!;
          state[this.count + r] = c + 1;
          state[this.last + r] = state[this.passStart + r]!;
          const found = this.step(at, pos);
          state[this.count + r] = c;
          state[this.last + r] = l;
          return found;
        }
        case op.LOOK:
          return this.look(pc, pos);
        case op.LOOK_END:
          return code[pc + 2] === 0 || pos === state[this.lookAt + code[pc + 1]!];
        default:
          this.end = pos;
          return true;
      }
    }
  }

  private at(kind: number, multiline: boolean, pos: number): boolean {
    const s = this.s;
    if (kind === op.AT_BOS) return pos === 0;
    if (kind === op.AT_EOS) return pos === s.length;
    if (kind === op.AT_BOL) return pos === 0 || (multiline && s.charCodeAt(pos - 1) === 10);
    return pos === s.length || (s.charCodeAt(pos) === 10 && (multiline || pos === s.length - 1));
  }

  /** A single-character leaf repeated min..max times: the longest run first (or shortest, lazy). */
  private run(pc: number, pos: number): boolean {
    const code = this.code;
    const s = this.s;
    const table = this.tables[code[pc + 1]!]!;
    const min = code[pc + 2]!;
    const max = code[pc + 3]!;
    const next = pc + 5;
    const limit = max >= s.length - pos ? s.length : pos + max;
    let end = pos;
    while (end < limit && table[s.charCodeAt(end)] === 1) end++;
    if (end - pos < min) return false;
    if (code[pc + 4] === 1) {
      for (let p = pos + min; p <= end; p++) if (this.m(next, p)) return true;
    } else {
      for (let p = end; p >= pos + min; p--) if (this.m(next, p)) return true;
    }
    return false;
  }

  /** Python's repeat (sre's MAX_UNTIL / MIN_UNTIL), as in ./replay.ts; `at` is its REPEAT. */
  private step(at: number, pos: number): boolean {
    const code = this.code;
    const r = code[at + 1]!;
    const count = state[this.count + r]!;
    if (count < code[at + 2]!) return this.pass(at, pos);
    // Another pass only when the last one consumed something (sre stops after an empty one).
    const more = count < code[at + 3]! && pos !== state[this.last + r];
    if (code[at + 4] === 1) return this.m(code[at + 5]!, pos) || (more && this.pass(at, pos));
    return (more && this.pass(at, pos)) || this.m(code[at + 5]!, pos);
  }

  private pass(at: number, pos: number): boolean {
    const i = this.passStart + this.code[at + 1]!;
    const saved = state[i]!;
    state[i] = pos;
    const found = this.m(at + 6, pos);
    state[i] = saved;
    return found;
  }

  /**
   * A look-ahead or look-behind (fixed width, as Python requires): its body matches once, with
   * no backtracking into it; groups it sets stay only when it is positive and what follows matches.
   */
  private look(pc: number, pos: number): boolean {
    const code = this.code;
    const positive = code[pc + 1] === 1;
    const start = pos - code[pc + 2]!;
    const slot = this.lookAt + code[pc + 3]!;
    const saved = state.slice(0, this.starts);
    const outer = state[slot]!;
    state[slot] = pos;
    const found = start >= 0 && this.m(pc + 5, start);
    state[slot] = outer;
    if (found === positive && this.m(code[pc + 4]!, pos)) return true;
    state.set(saved);
    return false;
  }
}

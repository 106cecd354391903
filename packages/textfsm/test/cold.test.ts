// The tree walker that matches a pattern's first ASCII lines (src/pyre/cold.ts) must answer
// exactly as the RegExp does: on CPython's own answers, on every leaf of the bundled templates
// (the tables it shares with the prefilter), and on every (rule, line) pair the engine meets
// while parsing the ntc-templates corpus.
import { describe, expect, it } from 'vitest';
import { findTemplates, PyRegex, TextFSM } from '../src/index.js';
import { isAscii } from '../src/pyre/index.js';
import { loadTemplates } from '../src/node.js';
import type { Alt, Node } from '../src/pyre/ast.js';
import { compileCold } from '../src/pyre/cold.js';
import { emitLeaf } from '../src/pyre/emit.js';
import { parsePattern } from '../src/pyre/parse.js';
import { leafTable } from '../src/pyre/prefilter.js';
import { corpusCases } from './helpers/corpus.js';
import { MATCHES } from './helpers/python-matches.js';

const source = loadTemplates();
const realExec = PyRegex.prototype.exec;
const cases = corpusCases();

/** Every rule regex (after value substitution) of every template the corpus uses. */
function corpusRules(): Map<string, string[]> {
  const byTemplate = new Map<string, string[]>();
  for (const c of cases) {
    for (const name of findTemplates(source, { Command: c.command, Platform: c.platform })) {
      if (byTemplate.has(name)) continue;
      const fsm = new TextFSM(source.readTemplate(name));
      const rules = [...(fsm as unknown as { program: { states: Map<string, { regex: string }[]> } }).program.states.values()].flat();
      byTemplate.set(name, [...new Set(rules.map((r) => r.regex))]);
    }
  }
  return byTemplate;
}
const rulesByTemplate = corpusRules();

function leaves(alt: Alt, out: Node[] = []): Node[] {
  const walk = (n: Node): void => {
    if (n.t === 'group') leaves(n.body, out);
    else if (n.t === 'repeat') walk(n.body);
    else if (n.t === 'char' || n.t === 'any' || n.t === 'set' || n.t === 'cat') out.push(n);
  };
  for (const b of alt.branches) b.forEach(walk);
  return out;
}

describe('tree walker', () => {
  it.each(MATCHES.filter(([, text]) => isAscii(text)))('answers as CPython: %j on %j', (pattern, text, expected) => {
    const parsed = parsePattern(pattern);
    const cold = compileCold(parsed.root, parsed.groups, parsed.ignoreCase);
    if (!cold) return; // look-arounds, back-references, IGNORECASE: the RegExp answers (pyre.test.ts)
    const got = cold.exec(text);
    expect(got).not.toBe('budget');
    expect(got === null ? null : [got[0], (got as (string | undefined)[]).slice(1).map((g) => g ?? null)]).toEqual(expected && [expected[0], expected[1]]);
  });

  it('handles most of CPython’s cases (the list is not skipped wholesale)', () => {
    const handled = MATCHES.filter(([p, t]) => {
      const parsed = parsePattern(p);
      return isAscii(t) && compileCold(parsed.root, parsed.groups, parsed.ignoreCase);
    });
    expect(handled.length).toBeGreaterThan(30);
  });

  it('accepts exactly the ASCII characters the RegExp of each leaf accepts (every leaf of the bundled templates)', () => {
    let checked = 0;
    for (const rules of rulesByTemplate.values()) {
      for (const rule of rules) {
        const parsed = parsePattern(rule);
        if (parsed.ignoreCase) continue;
        for (const leaf of leaves(parsed.root)) {
          const table = leafTable(leaf);
          const re = new RegExp(emitLeaf(leaf, 'ascii', false), 'y');
          for (let c = 0; c < 128; c++) {
            re.lastIndex = 0;
            if ((table[c] === 1) !== re.test(String.fromCharCode(c))) throw new Error(`leaf ${JSON.stringify(leaf)} of ${rule}: character ${c}`);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50_000);
  });

  it('answers as the RegExp on every line each rule meets while the corpus is parsed', () => {
    // The (rule, line) pairs the engine really runs: all rules against all lines would include
    // pairs such as `(\S+(\s)*)+:` on a long line without a colon, which no backtracking
    // matcher (V8's included) finishes in any useful time.
    const seen = new Map<string, Set<string>>();
    PyRegex.prototype.exec = function (this: PyRegex, text: string, ascii?: boolean) {
      if (ascii ?? isAscii(text)) {
        let lines = seen.get(this.pattern);
        if (!lines) seen.set(this.pattern, (lines = new Set()));
        lines.add(text);
      }
      return realExec.call(this, text, ascii);
    };
    try {
      for (const c of cases) {
        for (const name of findTemplates(source, { Command: c.command, Platform: c.platform })) new TextFSM(source.readTemplate(name)).parseText(c.raw);
      }
    } finally {
      PyRegex.prototype.exec = realExec;
    }
    let compared = 0;
    let matched = 0;
    let overBudget = 0;
    for (const [pattern, lines] of seen) {
      const walker = new PyRegex(pattern, { singleLine: true, namedOnly: true, coldLines: Infinity });
      const regexp = new PyRegex(pattern, { singleLine: true, namedOnly: true, coldLines: 0 });
      const parsed = parsePattern(pattern);
      const cold = compileCold(parsed.root, parsed.groups, parsed.ignoreCase);
      for (const line of lines) {
        const want = regexp.exec(line, true);
        const got = walker.exec(line, true);
        if (cold && cold.exec(line) === 'budget') overBudget++;
        if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`rule ${pattern}, line ${JSON.stringify(line)}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
        compared++;
        if (want) matched++;
      }
    }
    expect(seen.size).toBeGreaterThan(5_000);
    expect(compared).toBeGreaterThan(400_000);
    expect(matched).toBeGreaterThan(30_000);
    // Heavy backtracking (`\S+\s+(?P<NAME>.*?)\s+(...)` on a line it fails on) reaches the
    // walker's work limit on a few lines; the RegExp answers those (compared above).
    expect(overBudget).toBeLessThan(compared / 10_000);
  }, 120_000);

  it('grows its shared match state for a pattern with many groups, and keeps answering for small ones', () => {
    // The match state is one array shared by all walkers, sized for the largest seen so far.
    const many = Array.from({ length: 300 }, (_, i) => `(?P<g${i}>\\d)`).join('') + '(?:(x)|y)*';
    const line = '1234567890'.repeat(30) + 'xyx';
    const walker = new PyRegex(many, { coldLines: Infinity });
    const regexp = new PyRegex(many, { coldLines: 0 });
    const got = walker.exec(line, true);
    expect(got).toEqual(regexp.exec(line, true));
    expect(got?.[300]).toBe('0');
    expect(got?.[301]).toBe('x');
    const small = new PyRegex('(?P<a>\\S+)\\s+(?P<b>\\d+)', { coldLines: Infinity });
    expect(small.exec('Gi0/1 42', true)).toEqual(['Gi0/1 42', 'Gi0/1', '42']);
    expect(walker.exec('12', true)).toBeNull();
  });

  it('gives up past its work limit and lets the RegExp answer', () => {
    const line = 'ab'.repeat(15_000) + 'c';
    const parsed = parsePattern('(?:a|b)+c');
    const cold = compileCold(parsed.root, parsed.groups, parsed.ignoreCase)!;
    expect(cold.exec(line)).toBe('budget');
    // State left by the abandoned walk does not leak into the next match.
    expect(cold.exec('abbac')).toEqual(['abbac']);
    expect(cold.exec('abba')).toBeNull();
    expect(new PyRegex('(?:a|b)+c', { coldLines: Infinity }).exec(line)?.[0]).toBe(line);
  });

  it('leaves patterns it does not handle to the RegExp', () => {
    for (const p of ['(?i)abc', '(a)\\1', '(?>a+)b', 'a++']) {
      const parsed = parsePattern(p);
      expect(compileCold(parsed.root, parsed.groups, parsed.ignoreCase), p).toBeNull();
    }
  });

  it('walks look-arounds and word boundaries (CPython cases above check their answers)', () => {
    for (const p of ['(?<=a)b', '(?<!a)b', '(?=a)\\w', '(?!a)\\w', '\\bfoo\\B']) {
      const parsed = parsePattern(p);
      expect(compileCold(parsed.root, parsed.groups, parsed.ignoreCase), p).not.toBeNull();
    }
  });
});

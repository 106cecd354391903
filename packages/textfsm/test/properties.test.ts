// Generated templates and texts (fast-check): line ends never change the rows, and the ASCII
// fast path of a pattern agrees with its Unicode form on ASCII text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PyRegex, TextFSM } from '../src/index.js';

const valueRegexes = ['(\\S+)', '(\\d+)', '(\\w+)', '(.*)', '([a-c]+)', '(\\s*-+)', '(x|y)'];
const literals = ['a', 'b', ' ', '-', 'x1', '\\s+', '\\d', '.', '\\S*'];
const actions = ['', ' -> Record', ' -> Continue', ' -> Next.Record', ' -> Clear', ' -> Continue.Record', ' -> Clearall', ' -> Next S2', ' -> Start'];
const options = ['', 'Filldown ', 'Required ', 'List ', 'Fillup ', 'Key ', 'Filldown,Required '];

const template = fc
  .record({
    values: fc.array(fc.record({ regex: fc.constantFrom(...valueRegexes), option: fc.constantFrom(...options) }), { minLength: 1, maxLength: 3 }),
    rules: fc.array(fc.record({ parts: fc.array(fc.nat(12), { minLength: 1, maxLength: 4 }), action: fc.constantFrom(...actions), state: fc.boolean() }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ values, rules }) => {
    const names = values.map((_, i) => `V${i}`);
    const rule = (r: { parts: number[]; action: string }) => {
      const body = r.parts.map((p) => (p < literals.length ? literals[p]! : `\${${names[p % names.length]}}`)).join('');
      return `  ^${body}${r.action}`;
    };
    const start = rules.filter((r) => !r.state).map(rule);
    const s2 = rules.filter((r) => r.state).map(rule);
    return [
      ...values.map((v, i) => `Value ${v.option}${names[i]} ${v.regex}`),
      '',
      'Start',
      ...start,
      '',
      'S2',
      ...s2.map((r) => r.replace(' -> Next S2', ' -> Next Start')),
      '',
    ].join('\n');
  });

const text = fc.array(fc.stringMatching(/^[abxy1 2-]{0,12}$/), { maxLength: 12 });

describe('line ends', () => {
  it('LF and CRLF give the same rows', () => {
    let compared = 0;
    fc.assert(
      fc.property(template, text, fc.boolean(), (tpl, lines, trailing) => {
        const end = trailing ? '\n' : '';
        let lf: unknown;
        try {
          lf = new TextFSM(tpl).parseText(lines.join('\n') + end);
        } catch {
          return; // a template that does not compile, or an Error action: nothing to compare
        }
        const crlf = new TextFSM(tpl).parseText(lines.join('\r\n') + end.replace('\n', '\r\n'));
        expect(crlf).toEqual(lf);
        compared++;
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(150); // most generated templates are valid
  });
});

describe('ASCII fast path', () => {
  const atoms = ['a', 'b', '-', ' ', '\\s', '\\S', '\\w', '\\W', '\\d', '\\D', '[a-c]', '[^a\\s]', '[\\S-]', '.', '\\b', '(a|b)', '(?:\\d|-)', '(?P<g>\\w)'];
  const pattern = fc
    .array(fc.record({ atom: fc.constantFrom(...atoms), q: fc.constantFrom('', '*', '+', '?', '{1,2}', '*?') }), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.map((p) => (p.atom === '\\b' ? p.atom : p.atom + p.q)).join(''))
    .filter((p) => (p.match(/\?P<g>/g) ?? []).length <= 1);

  it('matches ASCII text as the Unicode form does', () => {
    fc.assert(
      fc.property(pattern, fc.stringMatching(/^[ab12 _\-\t\x1f]{0,10}$/), (p, s) => {
        const re = new PyRegex(p);
        const fast = re.match(s, true);
        const full = re.match(s, false);
        expect(fast?.group(0) ?? null).toBe(full?.group(0) ?? null);
        expect(fast?.groupdict() ?? null).toEqual(full?.groupdict() ?? null);
      }),
      { numRuns: 500 },
    );
  });
});

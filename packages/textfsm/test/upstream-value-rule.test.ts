// Google TextFSM's textfsm_test.py: Value and Rule declarations (testFSMValue, testFSMRule,
// testRulePrefixes, testImplicitDefaultRules, testSpacesAroundAction, testInvalidStates,
// and the unicode variants).
import { describe, expect, it } from 'vitest';
import { TextFSM, TextFSMRule, TextFSMTemplateError, TextFSMValue } from '../src/index.js';

function value(line: string): TextFSMValue {
  const v = new TextFSMValue();
  v.parse(line);
  return v;
}

describe('Value declarations (testFSMValue)', () => {
  it('reads name, regex and template', () => {
    const v = value('Value beer (\\S+)');
    expect([v.name, v.regex, v.template, v.options]).toEqual(['beer', '(\\S+)', '(?P<beer>\\S+)', []]);
  });

  it('reads options', () => {
    const v = value('Value Filldown,Required beer (\\S+)');
    expect([v.name, v.regex, v.options]).toEqual(['beer', '(\\S+)', ['Filldown', 'Required']]);
  });

  it('takes nested parentheses', () => {
    const v = value('Value Required beer (boo(hoo))');
    expect([v.name, v.regex, v.template, v.options]).toEqual(['beer', '(boo(hoo))', '(?P<beer>boo(hoo))', ['Required']]);
  });

  it.each(['Value beer (boo(hoo)))boo', 'Value beer boo(boo(hoo)))', 'Value beer (boo)hoo)'])('rejects a regex not bounded by parentheses: %s', (line) => {
    expect(() => value(line)).toThrow(TextFSMTemplateError);
  });

  it('does not count escaped parentheses', () => {
    expect(value('Value beer (boo\\)hoo)').regex).toBe('(boo\\)hoo)');
    expect(() => value('Value beer (boohoo\\)')).toThrow(TextFSMTemplateError);
    expect(() => value('Value beer (boo)hoo\\)')).toThrow(TextFSMTemplateError);
  });

  it('allows unbalanced parentheses inside [...] but not escaped brackets', () => {
    expect(value('Value beer (boo[(]hoo)').regex).toBe('(boo[(]hoo)');
    expect(() => value('Value beer (boo\\[)\\]hoo)')).toThrow(TextFSMTemplateError);
  });

  it('prints back as declared', () => {
    expect(String(value('Value Required beer (boo(hoo))'))).toBe('Value Required beer (boo(hoo))');
    expect(String(value('Value Required,Filldown beer (bo\\S+(hoo))'))).toBe('Value Required,Filldown beer (bo\\S+(hoo))');
  });

  it('rejects unknown, duplicate and badly spaced options, and long names', () => {
    expect(() => value('Value Filldown, Required Spirits ()')).toThrow('Unknown option ""');
    expect(() => value('Value filldown,Required Wine ((c|C)laret)')).toThrow('Unknown option "filldown"');
    expect(() => value('Value Filldown,Filldown Wine (x)')).toThrow('Duplicate option "Filldown"');
    expect(() => value('Value Beer (beer) beer')).toThrow("must be contained within a '()' pair");
    expect(() => value(`Value Filldown ${'nametoolong_'.repeat(5)} (beer)`)).toThrow('or name too long');
    expect(() => value('Value Beer')).toThrow('Expect at least 3 tokens on line.');
  });

  it('keeps a unicode regex (UnitTestUnicode.testFSMValue)', () => {
    const v = value('Value beer (\\S+Δ)');
    expect([v.name, v.regex, v.template]).toEqual(['beer', '(\\S+Δ)', '(?P<beer>\\S+Δ)']);
  });
});

describe('Rule lines (testFSMRule)', () => {
  it.each([
    ['  ^A beer called ${beer}', '^A beer called ${beer}', '', '', ''],
    ['  ^A $hi called ${beer}', '^A $hi called ${beer}', '', '', ''],
    ['  ^A beer called ${beer} -> Next', '^A beer called ${beer}', 'Next', '', ''],
    ['  ^A beer called ${beer} -> Continue.Record', '^A beer called ${beer}', 'Continue', 'Record', ''],
    ['  ^A beer called ${beer} -> Next.NoRecord End', '^A beer called ${beer}', 'Next', 'NoRecord', 'End'],
    ['  ^A beer called ${beer}Δ', '^A beer called ${beer}Δ', '', '', ''],
  ])('%s', (line, match, lineOp, recordOp, newState) => {
    const r = new TextFSMRule(line);
    expect([r.match, r.lineOp, r.recordOp, r.newState]).toEqual([match, lineOp, recordOp, newState]);
  });

  it.each(['  ^A beer called ${beer} -> Next Next Next', '  ^A beer called ${beer} -> Boo.hoo', '  ^A beer called ${beer} -> Continue.Record $Hi'])(
    'rejects %s',
    (line) => {
      expect(() => new TextFSMRule(line, 7)).toThrow(/Badly formatted rule .* Line: 7\./);
    },
  );

  it('accepts the rule prefixes " ^", "  ^", "\\t^" and nothing else (testRulePrefixes)', () => {
    for (const prefix of [' ', '.^', ' \t', '']) {
      expect(() => new TextFSM(`Value unused (.)\n\nStart\n${prefix}A simple string.`)).toThrow("Missing white space or carat ('^') before rule. Line: 4");
    }
    for (const prefix of [' ^', '  ^', '\t^']) expect(new TextFSM(`Value unused (.)\n\nStart\n${prefix}A simple string.`)).toBeInstanceOf(TextFSM);
  });

  it('prints implicit defaults as written (testImplicitDefaultRules)', () => {
    for (const line of [
      '  ^A beer called ${beer} -> Record End',
      '  ^A beer called ${beer} -> End',
      '  ^A beer called ${beer} -> Next.NoRecord End',
      '  ^A beer called ${beer} -> Clear End',
      '  ^A beer called ${beer} -> Error "Hello World"',
    ]) {
      expect(String(new TextFSMRule(line))).toBe(line);
    }
    for (const line of [
      '  ^A beer called ${beer} -> Next "Hello World"',
      '  ^A beer called ${beer} -> Record.Next',
      '  ^A beer called ${beer} -> Continue End',
      '  ^A beer called ${beer} -> Beer End',
    ]) {
      expect(() => new TextFSMRule(line)).toThrow(TextFSMTemplateError);
    }
  });

  it('takes any spacing after "->"; "->" without a space before belongs to the regex (testSpacesAroundAction)', () => {
    for (const line of ['  ^Hello World -> Boo', '  ^Hello World ->  Boo', '  ^Hello World ->   Boo']) {
      expect(String(new TextFSMRule(line))).toBe('  ^Hello World -> Boo');
    }
    expect(String(new TextFSMRule('  A simple line-> Boo -> Next'))).toBe('  A simple line-> Boo -> Next');
  });

  it('refuses a new state after Continue, and a quoted state except for Error (testInvalidStates)', () => {
    expect(() => new TextFSMRule('^.* -> Continue Start', 3)).toThrow("Action 'Continue' with new state Start specified. Line: 3.");
    expect(String(new TextFSMRule('  ^ -> Error "hi there"'))).toBe('  ^ -> Error "hi there"');
    expect(() => new TextFSMRule('^.* -> Next "Hello World"', 4)).toThrow('Alphanumeric characters only in state names. Line: 4.');
  });

  it('reports bad substitutions and bad regexes with the line', () => {
    const vars = new Map([['beer', '(?P<beer>\\S+)']]);
    expect(() => new TextFSMRule('  ^A ${wine}', 9, vars)).toThrow("Duplicate or invalid variable substitution: '^A ${wine}'. Line: 9.");
    expect(() => new TextFSMRule('  ^A ${beer} $', 9, vars)).toThrow('Duplicate or invalid variable substitution');
    expect(() => new TextFSMRule('  ^A (${beer}', 9, vars)).toThrow(/Invalid regular expression: '\^A \(\(\?P<beer>\\S\+\)'.*Line: 9\./);
    expect(() => new TextFSMRule('  ^\\s', 2)).not.toThrow();
    expect(new TextFSMRule('  ^A ${beer}$$', 9, vars).regex).toBe('^A (?P<beer>\\S+)$');
  });
});

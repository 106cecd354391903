// Google TextFSM's textfsm_test.py: reading whole templates (testParseFSMVariables,
// testParseFSMState, testRuleStartsWithCarrot, testValidateFSM, testTextFSM,
// testInvalidRegexp, testNestedNameConflict, UnitTestUnicode.testTemplateValue).
import { describe, expect, it } from 'vitest';
import { TextFSM, TextFSMTemplateError } from '../src/index.js';
import { caught } from './helpers/caught.js';

function templateError(template: string): TextFSMTemplateError {
  const err = caught(() => new TextFSM(template));
  if (err instanceof TextFSMTemplateError) return err;
  throw err;
}

describe('Value section (testParseFSMVariables)', () => {
  it('reads values after comments and prints them back', () => {
    const t = new TextFSM(
      '# Headline\nValue Filldown Beer (beer)\n # A comment\nValue Spirits ()\nValue Filldown,Required Wine ((c|C)laret)\n\nStart\n',
    );
    expect(t.values.map((v) => `${v.options.join(',')}|${v.name}|${v.regex}`)).toEqual(['Filldown|Beer|(beer)', '|Spirits|()', 'Filldown,Required|Wine|((c|C)laret)']);
  });

  it('accepts values that look bad but are fine', () => {
    const t = new TextFSM('# Headline\nValue Filldown Beer (bee(r), (and) (M)ead$)\n# A comment\nValue Spirits,and,some ()\nValue Filldown,Required Wine ((c|C)laret)\n\nStart\n');
    expect(t.header).toEqual(['Beer', 'Spirits,and,some', 'Wine']);
    expect(String(t).split('\n').slice(0, 3)).toEqual(['Value Filldown Beer (bee(r), (and) (M)ead$)', 'Value Spirits,and,some ()', 'Value Filldown,Required Wine ((c|C)laret)']);
  });

  it('names the line of a bad value', () => {
    expect(templateError('# x\nValue Beer (beer) beer\n\nStart\n').message).toBe("Value '(beer) beer' must be contained within a '()' pair. Line 2.");
    expect(templateError('Value Beer (x)\nValue Beer (y)\n\nStart\n').message).toBe("Duplicate declarations for Value 'Beer'. Line: 2.");
    expect(templateError('Value Beer (x)\nStart\n').message).toBe('Expected blank line after last Value entry. Line: 2.');
    expect(templateError('Start\n  ^x\n').message).toBe('No Value definitions found.');
  });
});

describe('States (testParseFSMState)', () => {
  it('reads states and rules, line numbers included', () => {
    const t = new TextFSM('Value Beer (.)\nValue Wine (\\w)\n\n# Headline\nStart\n  ^.\n  ^Hello World\n  ^Last-[Cc]ha$$nge\n');
    expect(t.rules('Start').map(String)).toEqual(['  ^.', '  ^Hello World', '  ^Last-[Cc]ha$$nge']);
    expect(t.rules('Start')[1]!.lineNum).toBe(7);
  });

  it('substitutes values into rules', () => {
    const t = new TextFSM('Value Beer (.)\nValue Wine (\\w)\n\nStart\n  ^.${Beer}${Wine}.\n  ^Hello $Beer\n  ^Last-[Cc]ha$$nge\n');
    expect(t.rules('Start').map(String)).toEqual(['  ^.${Beer}${Wine}.', '  ^Hello $Beer', '  ^Last-[Cc]ha$$nge']);
    expect(t.rules('Start').map((r) => r.regex)).toEqual(['^.(?P<Beer>.)(?P<Wine>\\w).', '^Hello (?P<Beer>.)', '^Last-[Cc]ha$nge']);
  });

  it.each([
    ['Value Beer (.)\n\nStart\n  ^.\n\nStart\n  ^x\n', "Duplicate state name: 'Start'. Line: 6"],
    ['Value Beer (.)\n\nSt%art\n  ^.\n', "Invalid state name: 'St%art'. Line: 3"],
    ['Value Beer (.)\n\n  Start\n  ^.\n', "Invalid state name: '  Start'. Line: 3"],
    ['Value Beer (.)\n\nStart\n^.\n', "Missing white space or carat ('^') before rule. Line: 4"],
    ['Value Beer (.)\n\nRecord\n  ^.\n', "Invalid state name: 'Record'. Line: 3"],
    [`Value Beer (.)\n\nStart\n  ^.\n\n${'rnametoolong_'.repeat(4)}x\n  ^.\n`, 'Invalid state name'],
    ['Value Beer (.)\nValue Wine (\\w)\n\nStart\n  A Simple line', "Missing white space or carat ('^') before rule. Line: 5"],
  ])('rejects a bad state: %j', (template, message) => {
    expect(templateError(template).message).toContain(message);
  });
});

describe('Checks of the whole machine (testValidateFSM)', () => {
  it.each([
    ['\nNotStart\n', "Missing state 'Start'."],
    ['Value unused (.)\n\n', "Missing state 'Start'."],
    ['Value unused (.)\n\nNotStart\n', "Missing state 'Start'."],
    ['Value unused (.)\n\nStart\n  ^.* -> bogus\n', "State 'bogus' not found, referenced in state 'Start'"],
    ['Value unused (.)\n\nStart\n  ^.*\n\nEnd\n  ^x\n', "Non-Empty 'End' state."],
    ['Value unused (.)\n\nStart\n  ^.*\n\nEOF\n  ^x\n', "Non-Empty 'EOF' state."],
  ])('%j', (template, message) => {
    expect(templateError(template).message).toBe(message);
  });

  it('accepts valid destinations, Error with and without a message', () => {
    const t = new TextFSM(
      'Value unused (.)\n\nStart\n  ^.* -> Start\n  ^x -> bogus\n\nbogus\n  ^.* -> Next.Record Start\n  ^.* -> Error\n  ^.* -> Error "Boo hoo"\n  ^y -> End\n  ^z -> EOF\n\nEnd\n',
    );
    expect(t.stateNames).toEqual(['Start', 'bogus']);
  });
});

describe('Printing and regex errors', () => {
  it('prints the template back (testTextFSM)', () => {
    for (const buf of ['Value Beer (.*)\n\nStart\n  ^\\w\n', 'Value A (.*)\nValue B (.*)\n\nStart\n  ^\\w\n\nState1\n  ^.\n']) {
      expect(String(new TextFSM(buf))).toBe(buf);
    }
  });

  it('drops comments and End when printing, unicode kept (UnitTestUnicode.testTemplateValue)', () => {
    const buf =
      '# Header\n# Header 2\nValue Beer (.*)\nValue Wine (\\w+)\n\n# An explanation with a unicode character Δ\nStart\n  ^hi there ${Wine}. -> Next.Record State1\n\nState1\n  ^\\wΔ\n  ^$Beer .. -> Start\n  # Some comments\n  ^$$ -> Next\n  ^$$ -> End\n\nEnd\n# Tail comment.\n';
    const expected = 'Value Beer (.*)\nValue Wine (\\w+)\n\nStart\n  ^hi there ${Wine}. -> Next.Record State1\n\nState1\n  ^\\wΔ\n  ^$Beer .. -> Start\n  ^$$ -> Next\n  ^$$ -> End\n';
    expect(String(new TextFSM(buf))).toBe(expected);
  });

  it('rejects an invalid value regex with its line (testInvalidRegexp)', () => {
    const err = templateError('Value boo (.$*)\n\nStart\n  ^$boo -> Next\n');
    expect(err.message).toBe('nothing to repeat at position 3 Line 1.');
    expect(err.line).toBe(1);
  });

  it('rejects two nested groups of one name in a List value (testNestedNameConflict)', () => {
    const tplt = 'Value List foo ((?P<name>\\w+)\\s+(?P<name>\\w+):\\s+(?P<age>\\d+)\\s+(?P<state>\\w{2})\\s*)\n\nStart\n  ^\\s*${foo}\n  ^\\s*$$ -> Record';
    expect(templateError(tplt).message).toMatch(/^redefinition of group name 'name' as group 3; was group 2 at position \d+ Line 1\.$/);
  });

  it('names the template line of a regex that JavaScript cannot express', () => {
    const err = templateError('Value A (\\d+)\n\nStart\n  ^(x)?(?(1)${A}|y)\n');
    expect(err.message).toMatch(/^Regular expression has no JavaScript translation: .*conditional groups.* Line: 4\.$/);
    expect(err.line).toBe(4);
    expect(err.code).toBe('NETX_TEXTFSM_TEMPLATE');
  });
});

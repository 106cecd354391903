// Google TextFSM's textfsm_test.py: running templates over text (testParseText,
// testParseTextToDicts, testParseNullText, testReset, testClear, testContinue, testError,
// testKey, testList, testNestedMatching, testGetValuesByAttrib, testStateChange, testEOF,
// testEnd, testValidRegexp, testReEnteringState, testFillup).
import { describe, expect, it } from 'vitest';
import { TextFSM, TextFSMError } from '../src/index.js';
import { caught } from './helpers/caught.js';

const twoValues = 'Value Required boo (one)\nValue Filldown hoo (two)\n\nStart\n  ^$boo -> Next.Record\n  ^$hoo -> Next.Record\n\nEOF\n';
const bothFilldown = 'Value Required,Filldown boo (one)\nValue Filldown,Required hoo (two)\n\nStart\n  ^$boo -> Next.Record\n  ^$hoo -> Next.Record\n\nEOF\n';

describe('parseText and parseTextToDicts', () => {
  it('produces no record when nothing is captured', () => {
    const t = new TextFSM('Value unused (.)\n\nStart\n  ^Trivial SFM\n');
    expect(t.parseText('Non-matching text\nline1\nline 2\n')).toEqual([]);
    expect(t.parseText('Matching text\nTrivial SFM\nline 2\n')).toEqual([]);
  });

  it('records with Next.Record, and after reset() starts over', () => {
    const t = new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> Next.Record\n\nEOF\n');
    expect(t.parseText('Matching text')).toEqual([['Matching text']]);
    t.reset();
    expect(t.parseText('Matching text\nAnd again')).toEqual([['Matching text'], ['And again']]);
    t.reset();
    expect(t.parseTextToDicts('Matching text\nAnd again')).toEqual([{ boo: 'Matching text' }, { boo: 'And again' }]);
  });

  it('keeps rows of earlier calls until reset(), as Python does', () => {
    const t = new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> Next.Record\n\nEOF\n');
    t.parseText('a');
    expect(t.parseText('b')).toEqual([['a'], ['b']]);
  });

  it('applies Required and Filldown', () => {
    expect(new TextFSM(twoValues).parseText('two\none')).toEqual([['one', 'two']]);
    expect(new TextFSM(twoValues).parseText('two\none\none')).toEqual([
      ['one', 'two'],
      ['one', 'two'],
    ]);
    expect(new TextFSM(bothFilldown).parseText('two\none\none')).toEqual([
      ['one', 'two'],
      ['one', 'two'],
    ]);
    expect(new TextFSM(twoValues).parseTextToDicts('two\none')).toEqual([{ hoo: 'two', boo: 'one' }]);
  });

  it('returns nothing for empty text (testParseNullText)', () => {
    expect(new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> Next.Record\n\n').parseText('')).toEqual([]);
  });

  it('gives the same rows after reset() (testReset)', () => {
    const t = new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> Next.Record\n\nEOF\n');
    const first = t.parseText('Matching text');
    t.reset();
    expect(t.parseText('Matching text')).toEqual(first);
  });
});

describe('actions', () => {
  it('Clear keeps Filldown values, Clearall does not (testClear)', () => {
    const clear = 'Value Required boo (on.)\nValue Filldown,Required hoo (tw.)\n\nStart\n  ^$boo -> Next.Record\n  ^$hoo -> Next.Clear';
    expect(new TextFSM(clear).parseText('one\ntwo\nonE\ntwO')).toEqual([['onE', 'two']]);
    const clearall = 'Value Filldown boo (on.)\nValue Filldown hoo (tw.)\n\nStart\n  ^$boo -> Next.Clearall\n  ^$hoo';
    expect(new TextFSM(clearall).parseText('one\ntwo')).toEqual([['', 'two']]);
  });

  it('Continue keeps the line for the next rules (testContinue)', () => {
    const tplt = 'Value Required boo (on.)\nValue Filldown,Required hoo (on.)\n\nStart\n  ^$boo -> Continue\n  ^$hoo -> Continue.Record';
    expect(new TextFSM(tplt).parseText('one\non0')).toEqual([
      ['one', 'one'],
      ['on0', 'on0'],
    ]);
  });

  it('Error stops parsing with TextFSMError, with or without a message (testError)', () => {
    const plain = new TextFSM('Value Required boo (on.)\nValue Filldown,Required hoo (on.)\n\nStart\n  ^$boo -> Continue\n  ^$hoo -> Error');
    expect(() => plain.parseText('one')).toThrow(new TextFSMError('State Error raised. Rule Line: 6. Input Line: one', 6, 'one'));
    const withMessage = new TextFSM('Value Required boo (on.)\nValue Filldown,Required hoo (on.)\n\nStart\n  ^$boo -> Continue\n  ^$hoo -> Error "Hello World"');
    const err = caught(() => withMessage.parseText('one'));
    expect(err).toBeInstanceOf(TextFSMError);
    expect((err as TextFSMError).message).toBe('Error: "Hello World". Rule Line: 6. Input Line: one.');
    expect((err as TextFSMError).code).toBe('NETX_TEXTFSM_ERROR_ACTION');
    expect([(err as TextFSMError).ruleLine, (err as TextFSMError).inputLine]).toEqual([6, 'one']);
  });

  it('marks Key values and finds values by option (testKey, testGetValuesByAttrib)', () => {
    const t = new TextFSM('Value Required boo (on.)\nValue Required,Key hoo (on.)\n\nStart\n  ^$boo -> Continue\n  ^$hoo -> Record');
    expect(t.getValuesByAttrib('Key')).toEqual(['hoo']);
    const u = new TextFSM('Value Required boo (on.)\nValue Required,List hoo (on.)\n\nStart\n  ^$boo -> Continue\n  ^$hoo -> Record');
    expect(u.getValuesByAttrib('List')).toEqual(['hoo']);
    expect(u.getValuesByAttrib('Filldown')).toEqual([]);
    expect(u.getValuesByAttrib('Required').sort()).toEqual(['boo', 'hoo']);
    expect(() => u.getValuesByAttrib('Bogus' as 'Key')).toThrow("'Bogus': Not a valid attribute.");
  });
});

describe('List values (testList, testNestedMatching)', () => {
  it('collects lists, with Filldown and Required', () => {
    expect(new TextFSM('Value List boo (on.)\nValue hoo (tw.)\n\nStart\n  ^$boo\n  ^$hoo -> Next.Record\n\nEOF').parseText('one\ntwo\non0\ntw0')).toEqual([
      [['one'], 'two'],
      [['on0'], 'tw0'],
    ]);
    expect(new TextFSM('Value List,Filldown boo (on.)\nValue hoo (on.)\n\nStart\n  ^$boo -> Continue\n  ^$hoo -> Next.Record\n\nEOF').parseText('one\non0\non1')).toEqual([
      [['one'], 'one'],
      [['one', 'on0'], 'on0'],
      [['one', 'on0', 'on1'], 'on1'],
    ]);
    expect(new TextFSM('Value List,Required boo (on.)\nValue hoo (tw.)\n\nStart\n  ^$boo -> Continue\n  ^$hoo -> Next.Record\n\nEOF').parseText('one\ntwo\ntw2')).toEqual([[['one'], 'two']]);
  });

  it('turns nested named groups into objects; a Value of the same name still fills', () => {
    const tplt =
      'Value List foo ((?P<name>\\w+):\\s+(?P<age>\\d+)\\s+(?P<state>\\w{2})\\s*)\nValue name (\\w+)\n\nStart\n  ^\\s*${foo}\n  ^\\s*${name}\n  ^\\s*$$ -> Record';
    const t = new TextFSM(tplt);
    expect(t.parseText(' Bob: 32 NC\n Alice: 27 NY\n Jeff: 45 CA\nJulia\n\n')).toEqual([
      [
        [
          { name: 'Bob', age: '32', state: 'NC' },
          { name: 'Alice', age: '27', state: 'NY' },
          { name: 'Jeff', age: '45', state: 'CA' },
        ],
        'Julia',
      ],
    ]);
  });
});

describe('states, EOF and End', () => {
  it('changes state without and with actions (testStateChange)', () => {
    const t = new TextFSM('Value boo (one)\nValue hoo (two)\n\nStart\n  ^$boo -> State1\n\nState1\n  ^$hoo -> Start\n\nEOF');
    expect(t.parseText('one')).toEqual([]);
    const u = new TextFSM('Value boo (one)\nValue hoo (two)\n\nStart\n  ^$boo -> Next.Record State1\n\nState1\n  ^$hoo -> Start\n\nEOF');
    expect(u.parseText('one')).toEqual([['one', '']]);
    expect(u.parseText('two\none')).toEqual([
      ['one', ''],
      ['one', 'two'],
    ]);
  });

  it('records at the end unless an EOF state exists or eof is false (testEOF)', () => {
    expect(new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> Next\n').parseText('Matching text')).toEqual([['Matching text']]);
    expect(new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> Next\n\nEOF\n').parseText('Matching text')).toEqual([]);
    expect(new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> Next\n').parseText('Matching text', { eof: false })).toEqual([]);
  });

  it('stops at End without the EOF record; a jump to EOF still records (testEnd)', () => {
    const data = 'Matching text A\nMatching text B';
    expect(new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> End\n  ^$boo -> Record\n').parseText(data)).toEqual([]);
    expect(new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> Record End\n').parseText(data)).toEqual([['Matching text A']]);
    expect(new TextFSM('Value boo (.*)\n\nStart\n  ^$boo -> EOF\n  ^$boo -> Record\n').parseText(data)).toEqual([['Matching text A']]);
  });

  it('matches at the start of each line like re.match (testValidRegexp)', () => {
    expect(new TextFSM('Value boo (fo*)\n\nStart\n  ^$boo -> Record\n').parseText('f\nfo\nfoo\n')).toEqual([['f'], ['fo'], ['foo']]);
  });

  it('compiles the same template twice (testReEnteringState)', () => {
    const tplt = 'Value boo (.*)\n\nStart\n  ^$boo -> Next Stop\n\nStop\n  ^abc\n';
    expect(new TextFSM(tplt).parseText('one\ntwo')).toEqual(new TextFSM(tplt).parseText('one\ntwo'));
  });

  it('fills earlier rows upwards with Fillup (testFillup)', () => {
    const tplt = 'Value Required Col1 ([^-]+)\nValue Fillup Col2 ([^-]+)\nValue Fillup Col3 ([^-]+)\n\nStart\n  ^$Col1 -- -- -> Record\n  ^$Col1 $Col2 -- -> Record\n  ^$Col1 -- $Col3 -> Record\n  ^$Col1 $Col2 $Col3 -> Record\n';
    expect(new TextFSM(tplt).parseText('\n1 -- B1\n2 A2 --\n3 -- B3\n')).toEqual([
      ['1', 'A2', 'B1'],
      ['2', 'A2', 'B3'],
      ['3', '', 'B3'],
    ]);
  });
});

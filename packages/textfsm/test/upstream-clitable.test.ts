// Google TextFSM's clitable_test.py, with its testdata/ index files: reading the index,
// [[...]] completion, template choice by attributes, and merging several templates' tables.
// (TextTable presentation — sort, LabelValueTable, AddKeys — is not part of @netx/textfsm.)
import { describe, expect, it } from 'vitest';
import { expandCompletion, findRow, parseCmd, parseIndex, TemplateIndexError, TemplateNotFoundError, templatesFromRecord } from '../src/index.js';
import { loadTemplates } from '../src/node.js';
import { readUpstream, upstreamDir } from './helpers/fixtures.js';

const dir = `${upstreamDir}testdata`;
const input = 'a b c\nd e f\n';
const template = 'Value Key Col1 (.)\nValue Col2 (.)\nValue Col3 (.)\n\nStart\n  ^${Col1} ${Col2} ${Col3} -> Record\n\n';

describe('index table (UnitTestIndexTable)', () => {
  it('reads rows, keeps fields and compiles the regex columns (testParseIndex)', () => {
    const index = parseIndex(readUpstream('testdata/parseindex_index'));
    expect(index.rows).toHaveLength(3);
    expect(index.rows[1]!.fields['Template']).toBe('clitable_templateC');
    expect(index.rows[2]!.fields['Template']).toBe('clitable_templateD');
    expect(index.rows[0]!.fields['Hostname']).toBe('.*');
    expect(index.rows[0]!.fields['Command']).toBe('sh(o(w)?)? ve(r(s(i(o(n)?)?)?)?)?');
    expect([...index.rows[0]!.compiled.keys()]).toEqual(['Hostname', 'Vendor', 'Command']);
    expect(index.rows[0]!.compiled.get('Hostname')!.match('random string')).not.toBeNull();
  });

  it('finds the first matching row; attributes without a column are ignored (testGetRowMatch)', () => {
    const index = parseIndex(readUpstream('testdata/parseindex_index'));
    expect(findRow(index, { Hostname: 'abc' })?.row).toBe(1);
    expect(findRow(index, { Hostname: 'abc', Vendor: 'VendorB' })?.row).toBe(2);
    expect(findRow(index, { Hostname: 'abc', Vendor: 'VendorC' })).toBeUndefined();
    expect(findRow(index, { Bogus: 'x' })?.row).toBe(1);
  });

  it('needs a Template column and valid regexes (testRequireCols)', () => {
    expect(() => parseIndex(readUpstream('testdata/nondefault_index'))).toThrow("Index file does not have 'Template' column.");
    expect(() => parseIndex(readUpstream('testdata/parseindexfail1_index'))).toThrow(TemplateIndexError);
    expect(() => parseIndex(readUpstream('testdata/parseindexfail3_index'))).toThrow(/Invalid regular expression '\[\[VendorB' in the index, line 10: unterminated character set/);
  });

  it('drops rows with another number of fields and lines that start with #', () => {
    const index = parseIndex('Template, Platform, Command\n\n# c\na.t, p, show x\nb.t, p\n  #, x, y\nc.t, p, show, y\n');
    expect(index.rows.map((r) => r.fields['Template'])).toEqual(['a.t', '#']);
  });
});

describe('CliTable (UnitTestCliTable)', () => {
  it('expands [[...]] completion (testCompletion, testCliCompile)', () => {
    expect(expandCompletion('abc')).toBe('abc');
    expect(expandCompletion('a[[bc]]')).toBe('a(b(c)?)?');
    expect(expandCompletion('a[[bc]] de[[f]]')).toBe('a(b(c)?)? de(f)?');
    const index = parseIndex(readUpstream('testdata/default_index'));
    expect(index.rows[0]!.fields['Command']).toBe('sh(o(w)?)? ve(r(s(i(o(n)?)?)?)?)?');
    expect(index.rows[0]!.compiled.has('Template')).toBe(false);
    expect(index.rows[0]!.compiled.get('Command')!.match('sho vers')).not.toBeNull();
  });

  it('parses with one template (testParseCmdItem, testParseCmd)', () => {
    const source = templatesFromRecord({ index: 'Template, Command\nt, sh[[ow]] ve[[rsion]]\n', t: template });
    const table = parseCmd(source, input, { Command: 'sh vers' });
    expect(table.header).toEqual(['Col1', 'Col2', 'Col3']);
    expect(table.rows).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(table.keys).toEqual(['Col1']);
  });

  it('parses with templates given by name (testParseWithTemplate)', () => {
    const table = parseCmd(loadTemplates(dir, 'default_index'), input, { Command: 'sh vers' }, 'clitable_templateB');
    expect([table.header, ...table.rows]).toEqual([
      ['Col1', 'Col4'],
      ['a', 'b'],
      ['d', 'e'],
    ]);
  });

  it('chooses the template from the index (testParseCmdFromIndex)', () => {
    const source = loadTemplates(dir, 'default_index');
    expect(parseCmd(source, input, { Command: 'sh vers', Vendor: 'VendorB' }).rows).toEqual([['a', 'b', 'c']]);
    expect(parseCmd(source, input, { Command: 'sh int', Vendor: 'VendorA' }).rows).toEqual([['d', 'e', 'f']]);
    expect(() => parseCmd(source, input, { Command: 'show vers', Vendor: 'bogus' })).toThrow(TemplateNotFoundError);
    expect(() => parseCmd(source, input, { Command: 'unknown command', Vendor: 'VendorA' })).toThrow(
      `No template found for attributes: "{'Command': 'unknown command', 'Vendor': 'VendorA'}"`,
    );
  });

  it('merges several templates on their keys (testParseWithMultiTemplates)', () => {
    const source = loadTemplates(dir, 'default_index');
    const ab = parseCmd(source, input, { Command: 'sh ver', Vendor: 'VendorA' });
    expect([ab.header, ...ab.rows]).toEqual([
      ['Col1', 'Col2', 'Col3', 'Col4'],
      ['a', 'b', 'c', 'b'],
      ['d', 'e', 'f', 'e'],
    ]);
    const ba = parseCmd(source, input, { Command: 'sh vers' }, 'clitable_templateB:clitable_templateA');
    expect([ba.header, ...ba.rows]).toEqual([
      ['Col1', 'Col4', 'Col2', 'Col3'],
      ['a', 'b', 'b', 'c'],
      ['d', 'e', 'e', 'f'],
    ]);
    expect(() => parseCmd(source, input, { Command: 'sh vers' }, 'clitable_templateB:clitable_bogus')).toThrow(/clitable_bogus', which cannot be read/);
  });

  it('merges row by row when no template has Key values, and takes the keys of a later template', () => {
    const files = {
      index: 'Template, Command\nx:y, go\nz:x, other\n',
      x: 'Value A (\\w)\n\nStart\n  ^${A} -> Record\n',
      y: 'Value A (\\w)\nValue B (\\d)\n\nStart\n  ^\\w ${B} -> Record\n',
      z: 'Value Key A (\\w)\nValue C (\\d)\n\nStart\n  ^${A}${C} -> Record\n',
    };
    const source = templatesFromRecord(files);
    expect(parseCmd(source, 'p 1\nq 2\nr\n', { Command: 'go' }).rows).toEqual([
      ['p', '1'],
      ['q', '2'],
      ['r', ''],
    ]);
    const t = parseCmd(source, 'p1\nq\n', { Command: 'other' });
    expect([t.header, ...t.rows, t.keys]).toEqual([['A', 'C'], ['p', '1'], ['A']]);
  });
});

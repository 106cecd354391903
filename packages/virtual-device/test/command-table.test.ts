import { describe, expect, it } from 'vitest';
import { CommandIndex, normalizeCommand } from '../src/command-table.js';

const answer = (index: CommandIndex, line: string, abbreviations = true) => {
  const r = index.lookup(line, abbreviations);
  return r.kind === 'found' ? r.found.response : r.kind;
};

describe('CommandIndex: table order decides between literal and RegExp keys', () => {
  it('a RegExp placed before a literal takes the command first', () => {
    const index = new CommandIndex([
      [/^show (\S+)$/, 'pattern'],
      ['show clock', 'literal'],
    ]);
    expect(answer(index, 'show clock')).toBe('pattern');
  });

  it('a literal placed before a RegExp takes it first; the RegExp still answers the rest', () => {
    const index = new CommandIndex([
      ['show clock', 'literal'],
      [/^show (\S+)$/, 'pattern'],
    ]);
    expect(answer(index, 'show clock')).toBe('literal');
    expect(answer(index, 'show users')).toBe('pattern');
  });

  it('the first of two equal literals wins, and abbreviations expand before the RegExps are tried', () => {
    const index = new CommandIndex([
      ['show version', 'first'],
      ['show  version', 'second'],
      [/^show interfaces (\S+)$/, 'iface'],
    ]);
    expect(answer(index, 'show version')).toBe('first');
    expect(answer(index, 'sh ver')).toBe('first');
    expect(answer(index, 'sh interfaces Gi0/1')).toBe('iface');
    expect(answer(index, 'sh ver', false)).toBe('none');
  });

  it('commands added later go after the table', () => {
    const index = new CommandIndex({ 'show clock': 'table' });
    index.addCommand(/^show clock$/, 'added');
    index.addCommand('show users', 'users');
    expect(answer(index, 'show clock')).toBe('table');
    expect(answer(index, 'show users')).toBe('users');
  });
});

describe('normalizeCommand', () => {
  it.each([
    ['show clock', 'show clock'],
    ['  show   clock ', 'show clock'],
    ['show\tclock', 'show clock'],
    ['', ''],
    ['   ', ''],
  ])('%j -> %j', (line, normal) => expect(normalizeCommand(line)).toBe(normal));
});

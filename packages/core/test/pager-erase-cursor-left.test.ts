// The erase sequence Huawei VRP and H3C Comware send after an answered
// `---- More ----`: cursor-left, blanks, cursor-left. It must vanish from the
// response whether it arrives whole or in pieces.
import { describe, expect, it } from 'vitest';
import { EraseFilter } from '../src/protocol/pager.js';

const VRP = `\x1b[42D${' '.repeat(42)}\x1b[42D`;
const COMWARE = `\x1b[16D${' '.repeat(16)}\x1b[16D`;

function feedInPieces(seq: string, size: number): string {
  const f = new EraseFilter();
  f.activate();
  const text = `${seq}line 25\r\n`;
  let out = '';
  for (let i = 0; i < text.length; i += size) out += f.feed(text.slice(i, i + size));
  return out + f.flush();
}

describe('EraseFilter: cursor-left wipes', () => {
  for (const [name, seq] of [['VRP', VRP], ['Comware', COMWARE]] as const) {
    it.each([1, 2, 3, 5, 7, 64])(`${name}: drops the wipe delivered in pieces of %i`, (size) => {
      expect(feedInPieces(seq, size)).toBe('line 25\r\n');
    });
  }

  it('keeps blanks that are output, not a wipe', () => {
    expect(feedInPieces('', 4)).toBe('line 25\r\n');
    const f = new EraseFilter();
    f.activate();
    expect(f.feed('   indented\r\n')).toBe('   indented\r\n');
  });
});

// core's own text <-> bytes (no Buffer, so it runs in browsers) against Node's Buffer
// as the reference, for every encoding createCodec() writes itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCodec } from '../src/index.js';

const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const latin1Text = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 300 });
const bytes = (b: Uint8Array) => [...b];

describe('createCodec without Buffer', () => {
  it('latin1 decodes all 256 byte values to the characters of the same number, and back', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const codec = createCodec('latin1');
    const text = codec.decode(all);
    expect([...text].map((c) => c.charCodeAt(0))).toEqual(bytes(all));
    expect(bytes(codec.encode(text))).toEqual(bytes(all));
  });

  it('latin1 matches Buffer both ways (long inputs too)', () => {
    const codec = createCodec('latin1');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), (b) => {
        expect(codec.decode(b)).toBe(Buffer.from(b).toString('latin1'));
      }),
    );
    fc.assert(
      fc.property(anyText, (s) => {
        expect(bytes(codec.encode(s))).toEqual(bytes(Buffer.from(s, 'latin1')));
      }),
    );
  });

  it.each([
    ['utf-8', 'utf8'],
    ['utf-16le', 'utf16le'],
    ['ucs-2', 'utf16le'],
    ['ascii', 'ascii'],
  ] as const)('%s encodes as Buffer does', (label, bufferEncoding) => {
    const codec = createCodec(label);
    fc.assert(
      fc.property(label === 'ascii' ? latin1Text : anyText, (s) => {
        expect(bytes(codec.encode(s))).toEqual(bytes(Buffer.from(s, bufferEncoding)));
      }),
    );
  });

  it('other encodings write ASCII and refuse the rest', () => {
    const codec = createCodec('shift_jis');
    expect(bytes(codec.encode('show ver\r'))).toEqual(bytes(Buffer.from('show ver\r', 'latin1')));
    expect(() => codec.encode('é')).toThrow(/Cannot encode non-ASCII text as shift_jis/);
  });
});

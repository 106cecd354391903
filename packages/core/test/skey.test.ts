import { describe, expect, it } from 'vitest';
import { keyToWords, md4, otp, otpKey } from '../src/index.js';
import { SKEY_WORDS } from '../src/otp/words.js';

const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
const md4hex = (s: string) => hex(md4(new TextEncoder().encode(s)));

describe('md4 (RFC 1320 test suite)', () => {
  it.each([
    ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
    ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
    ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
    ['message digest', 'd9130a8164549fe818874806e1c7014b'],
    ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '043f8582f241db351ce627e153e7f0e4'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', 'e33b4ddc9c38f2199c3e7b164fcc0536'],
  ])('md4(%j)', (input, digest) => {
    expect(md4hex(input)).toBe(digest);
  });
  it('pads inputs of 55, 56 and 64 bytes (block edges)', () => {
    // Distinct lengths around the padding edge give distinct 16-byte digests.
    const digests = [55, 56, 63, 64, 65].map((n) => md4hex('x'.repeat(n)));
    expect(new Set(digests).size).toBe(5);
    for (const d of digests) expect(d).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('S/Key otp (RFC 2289, Exscript vectors)', () => {
  it.each([
    ['password', 'abc123', 9999, 'ACTA AMMO CAR WEB BIN YAP'],
    ['password', 'abc123', 9998, 'LESS CLUE LISA MEAT MAGI USER'],
    ['pass', 'abc123', 9998, 'DRAB LEER VOTE RICH NEWS FRAU'],
    ['pass', 'abc888', 9998, 'DEBT BOON ASKS ORAL MEN WEE'],
    ['secretpw', 'ab12cd', 99, 'KICK KID LOT FALL TERM LIVE'],
  ])('otp(%j, %j, %i)', (password, seed, seq, words) => {
    expect(otp(password, seed, seq)).toBe(words);
  });
  it('treats the seed case-insensitively (RFC 2289)', () => {
    expect(otp('password', 'ABC123', 9999)).toBe(otp('password', 'abc123', 9999));
  });
  it('matches RFC 2289 appendix C (MD4, "This is a test.", TeSt, 0)', () => {
    expect(hex(otpKey('This is a test.', 'TeSt', 0))).toBe('d1854218ebbb0b51');
    expect(otp('This is a test.', 'TeSt', 0)).toBe('ROME MUG FRED SCAN LIVE LACE');
    expect(otp('This is a test.', 'TeSt', 1)).toBe('CARD SAD MINI RYE COL KIN');
  });
  it('rejects a negative sequence', () => {
    expect(() => otp('a', 'b', -1)).toThrow(RangeError);
  });
  it('has the 2048-word standard dictionary, each half sorted', () => {
    expect(SKEY_WORDS).toHaveLength(2048);
    expect(SKEY_WORDS[0]).toBe('A');
    expect(SKEY_WORDS[571]).toBe('ABED');
    expect(SKEY_WORDS[2047]).toBe('YOKE');
    expect(keyToWords(new Uint8Array(8))).toBe('A A A A A A');
  });
});

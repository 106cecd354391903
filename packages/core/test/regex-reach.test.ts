import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regexBounds, regexReach } from '../src/regex/regex-reach.js';

describe('regexReach (how far one match attempt can look)', () => {
  it.each([
    [/abc/, 3],
    [/a|bcd/, 3],
    [/[\r\n][\w.\-]{1,63}@PA-[\w.\-]{1,60}(?:\([\w.\-]{1,32}\))?[>#] /, 1 + 63 + 4 + 60 + 34 + 2],
    [/(?:ab){2,3}c?/, 7],
    [/x(?=[^\r\n@]{0,128}@)y/, 1 + 129],
    [/\bAIX\b/, 4],
    [/[\]x]{2}\u0041\x41\p{L}/u, 5],
    [/a$/m, 2],
    [/a{,3}/, 5], // not a quantifier: `{`, `,`, `3`, `}` are literals
    [/(?<name>ab)c/, 3],
    [/x[^]y/, 3], // `[^]` is one class (any character) in JavaScript
    [/x[]y/, 3],
  ])('%s looks at most %d characters', (re, n) => {
    expect(regexReach(re)).toBe(n);
  });

  it.each([/a+/, /a*/, /a{2,}/, /(a)\1/, /(?<=x)a/, /a$/, /[^\r\n]+ not found/, new RegExp('[[a-z]--[aeiou]]x', 'v')])('%s is unbounded', (re) => {
    expect(regexReach(re)).toBe(Infinity);
  });

  it('bounds every match it claims to bound (random texts)', () => {
    const patterns = [/[\r\n](?=[^\r\n@]{0,12}@)[^\r\n]{0,6}?[\w.]{1,6}@[\w.]{1,6}:[~/][^\r\n]{0,8}?[$#] /, /(?:ab|c){1,3}d?\b/, /x[yz]{2,4}(?=q{0,3}w)/];
    const alphabet = ['\n', 'a', 'b', 'c', 'd', 'x', 'y', 'z', 'q', 'w', '@', '.', ':', '~', '$ ', 'u', ' '];
    const texts = fc.sample(fc.array(fc.constantFrom(...alphabet), { minLength: 30, maxLength: 30 }).map((a) => a.join('')), { numRuns: 3000, seed: 3 });
    for (const re of patterns) {
      const reach = regexReach(re);
      const g = new RegExp(re.source, `${re.flags}g`);
      for (const text of texts) {
        for (let m = g.exec(text); m; m = g.exec(text)) {
          // Cutting the text `reach` characters after the start keeps the same match.
          const cut = text.slice(0, m.index + reach);
          const again = new RegExp(re.source, `${re.flags}y`);
          again.lastIndex = m.index;
          expect(again.exec(cut)?.[0], `${re} on ${JSON.stringify(text)} at ${m.index}`).toBe(m[0]);
          if (m[0].length === 0) g.lastIndex++;
        }
      }
    }
  });
});

describe('regexBounds: line breaks one attempt can match', () => {
  it.each([
    [/[\r\n][\w.\-]+(?:\([^)\r\n]*\))?[>#] ?/, 1],
    [/[\r\n][^\r\n]+-se800[\r\n]/, 2],
    [/\bAIX\b/, 2], // each \b may look at a break
    [/User Access Verification/, 0],
    [/[\r\n][\- +\d+\w+.]+(?:\([^)]+\))?[>#] ?/, Infinity], // [^)]+ takes line breaks
    [/a\s+b/, Infinity],
    [/x.+y/, 0],
    [/x.+y/s, Infinity],
    [/\x0a\u000d\cJ/, 3],
    [/[\x00-\x1f]/, 1],
    [/[!-~]{3}/, 0],
  ])('%s: %d', (re, n) => {
    expect(regexBounds(re).breaks).toBe(n);
  });
});


// Python `re` semantics in JavaScript: each expectation below is what CPython 3.11's re.match
// returned for the pattern and text (generated once, pasted here). Every ASCII case runs
// through the tree walker, both compiled variants (the ASCII fast path and the Unicode one).
import { describe, expect, it } from 'vitest';
import { PyRegex, PyRegexError } from '../src/index.js';
import { caught } from './helpers/caught.js';
import { MATCHES, type Expected } from './helpers/python-matches.js';

const ERRORS: [string, string][] = [
  ["(", "missing ), unterminated subpattern at position 0"],
  [")", "unbalanced parenthesis at position 0"],
  ["[", "unterminated character set at position 0"],
  ["a**", "multiple repeat at position 2"],
  ["^*", "nothing to repeat at position 1"],
  ["\\b*", "nothing to repeat at position 2"],
  ["\\q", "bad escape \\q at position 0"],
  ["(?<=a+)b", "look-behind requires fixed-width pattern"],
  ["(a)\\2", "invalid group reference 2 at position 4"],
  ["(a\\1)", "cannot refer to an open group at position 2"],
  ["x{2,1}", "min repeat greater than max repeat at position 2"],
  ["(?P<a>x)(?P<a>y)", "redefinition of group name 'a' as group 2; was group 1 at position 12"],
  ["(?P<1a>x)", "bad character in group name '1a' at position 4"],
  ["(?P=a)", "unknown group name 'a' at position 4"],
  ["a(?i)", "global flags not at the start of the expression at position 1"],
  ["(?L)a", "bad inline flags: cannot use 'L' flag with a str pattern at position 3"],
  ["(?au)a", "bad inline flags: flags 'a', 'u' and 'L' are incompatible at position 4"],
  ["\\x4", "incomplete escape \\x4 at position 0"],
  ["[z-a]", "bad character range z-a at position 1"],
  ["[\\w-z]", "bad character range \\w-z at position 1"],
  ["{1}", "nothing to repeat at position 0"],
  ["a|*", "nothing to repeat at position 2"],
  ["(?#x)*", "nothing to repeat at position 5"],
  ["(?Px)", "unknown extension ?Px at position 1"],
  ["(?<x)", "unknown extension ?<x at position 1"],
  ["(?z)", "unknown extension ?z at position 1"],
  ["\\", "bad escape (end of pattern) at position 0"],
  ["\\400", "octal escape value \\400 outside of range 0-0o377 at position 0"],
];

function run(pattern: string, text: string, ascii?: boolean, coldLines?: number): Expected {
  const m = new PyRegex(pattern, { coldLines }).match(text, ascii);
  if (!m) return null;
  const groups: (string | null)[] = [];
  for (let g = 1; g <= new PyRegex(pattern).groups; g++) groups.push(m.group(g));
  return [m.group(0)!, groups, m.groupdict()];
}

describe('Python re.match semantics', () => {
  it.each(MATCHES)('%j on %j', (pattern, text, expected) => {
    // ASCII text: the tree walker (./src/pyre/cold.ts) first, then the RegExp.
    expect(run(pattern, text)).toEqual(expected);
    expect(run(pattern, text, undefined, 0)).toEqual(expected);
    // The Unicode variant gives the same answer on any text; the ASCII one only on ASCII text.
    expect(run(pattern, text, false)).toEqual(expected);
  });
});

describe('errors for patterns Python rejects', () => {
  it.each(ERRORS)('%j', (pattern, message) => {
    const err = caught(() => new PyRegex(pattern));
    expect(err).toBeInstanceOf(PyRegexError);
    expect((err as PyRegexError).message).toBe(message);
    expect((err as PyRegexError).untranslatable).toBe(false);
  });

  it.each([
    ['(a)(?(1)b|c)', 'conditional groups'],
    ['(?i:a)b', 'case-insensitivity'],
    ['\\N{DIGIT ONE}', 'named Unicode escapes'],
  ])('refuses %j, valid Python without a JavaScript equivalent', (pattern, words) => {
    const err = caught(() => new PyRegex(pattern));
    expect((err as PyRegexError).untranslatable).toBe(true);
    expect((err as PyRegexError).message).toContain(words);
  });
});

describe('translation details', () => {
  it('reports the group numbering and names of Python', () => {
    const re = new PyRegex('(a)(?P<x>b)(?:c)(?P<y>d)?');
    expect([re.groups, [...re.names]]).toEqual([3, [['x', 2], ['y', 3]]]);
  });

  it('lets $ match before a final newline only when the text may hold one', () => {
    expect(new PyRegex('a$').match('a\n')).not.toBeNull();
    expect(new PyRegex('a$', { singleLine: true }).match('a')).not.toBeNull();
  });

  it('builds the Unicode variant for non-ASCII text', () => {
    const re = new PyRegex('\\d+');
    expect(re.match('١٢')?.group(0)).toBe('١٢');
    expect(re.source).toBe('\\p{Nd}+');
  });
});

// End-anchored prompt patterns are searched only from where a match can start (after
// the line breaks it can hold, counted back from the end): the same match as a
// search of the whole tail, on texts built to hit the edges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERIC_PROMPT } from '../src/index.js';
import { anchorOf, findFirst, plainOf } from '../src/protocol/matcher.js';
import { ReceiveBuffer } from '../src/protocol/receive-buffer.js';

const patterns = [
  GENERIC_PROMPT,
  /[\r\n][\w.-]{1,20}[>#] ?$/,
  /[\r\n]+\{master:\d\}\r?\n[\w.-]+@[\w.-]+[>#%] $/, // spans lines (Junos-style)
  /\r\n\r\nr1>$/,
  /\br1>$/,
  /[\r\n][\-\w+.:/]+(?:\([^)]+\))?[>#] ?(?=\n?$)/, // Exscript's ios prompt: Python `$` as `(?=\n?$)`
];

const parts = ['\r\n', '\n', '\r', 'r1', '>', '#', ' ', '(config)', '(', ')', 'user@host', '{master:0}', 'x', 'show', '\x1b[m', '%', '\r\n\r\n'];
/** Texts built from fragments that matter to prompts (fast-check, fixed seed). */
const texts = (count: number, seed = 9): string[] =>
  fc.sample(
    fc
      .tuple(
        fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 12 }),
        // Half end in a prompt of some pattern: matches must be reached, not only misses.
        fc.constantFrom('', '', '', '\r\nr1>', '\r\nr1# ', '\r\n{master:0}\r\nuser@host> ', '\r\nr1(config)#\n', '\r\n\r\nr1>'),
      )
      .map(([a, end]) => a.join('') + end),
    { numRuns: count, seed },
  );

describe('end-anchored search from the last lines', () => {
  it('finds the same match as a search of the whole tail', () => {
    let hits = 0;
    for (const re of patterns) {
      for (const t of texts(3_000)) {
        const buf = new ReceiveBuffer();
        buf.append(t);
        const found = findFirst(buf, [{ re }], { scannedTo: 0 });
        const want = plainOf(re).exec(t);
        expect(found?.start, `${re} on ${JSON.stringify(t)}`).toBe(want?.index);
        expect(found?.match[0]).toBe(want?.[0]);
        if (want) hits++;
      }
    }
    expect(hits).toBeGreaterThan(1000); // both outcomes reached
  });

  it('takes `(?=\\n?$)` (a Python `$`) as anchored at the end, like `$`', () => {
    expect(anchorOf(patterns.at(-1)!)).toBe('end');
    expect(anchorOf(/a\$/)).toBe('free');
  });

  it('a text whose only line break is its first character still matches', () => {
    const buf = new ReceiveBuffer();
    buf.append('\nr1>');
    expect(findFirst(buf, [{ re: /[\r\n][\w.-]{1,20}[>#] ?$/ }], { scannedTo: 0 })?.start).toBe(0);
  });
});

// GENERIC_ERROR_PROMPT takes `[^\r\n]+? not found` (lazy) where Exscript's has the greedy
// `+`: an error check only asks whether a line matches, and both accept the same lines.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { GENERIC_ERROR_PROMPT } from '../src/index.js';

const EXSCRIPT = /^%?\s*(?:error|invalid|incomplete|unrecognized|unknown command|connection timed out|[^\r\n]+ not found)/i;

it('GENERIC_ERROR_PROMPT flags exactly the lines Exscript’s pattern flags', () => {
  const parts = ['%', ' ', 'x', 'Error', 'invalid', ' not found', 'NOT FOUND', 'not found', '\r', 'unknown command', 'file', ':'];
  const lines = fc.sample(fc.array(fc.constantFrom(...parts), { maxLength: 6 }).map((a) => a.join('')), { numRuns: 20_000, seed: 5 });
  let hits = 0;
  for (const line of lines) {
    const expected = EXSCRIPT.test(line);
    expect(GENERIC_ERROR_PROMPT.test(line), JSON.stringify(line)).toBe(expected);
    if (expected) hits++;
  }
  expect(hits).toBeGreaterThan(1000); // both outcomes reached
});

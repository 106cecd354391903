// GENERIC_ERROR_PROMPT takes `[^\r\n]+? not found` (lazy) where Exscript's has the greedy
// `+`: an error check only asks whether a line matches, and both accept the same lines.
import { expect, it } from 'vitest';
import { GENERIC_ERROR_PROMPT } from '../src/index.js';

const EXSCRIPT = /^%?\s*(?:error|invalid|incomplete|unrecognized|unknown command|connection timed out|[^\r\n]+ not found)/i;

it('GENERIC_ERROR_PROMPT flags exactly the lines Exscript’s pattern flags', () => {
  const parts = ['%', ' ', 'x', 'Error', 'invalid', ' not found', 'NOT FOUND', 'not found', '\r', 'unknown command', 'file', ':'];
  let s = 5;
  // An LCG's low bits repeat quickly: use the high ones.
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) >>> 16;
  let hits = 0;
  for (let i = 0; i < 20_000; i++) {
    let line = '';
    for (let k = next() % 6; k > 0; k--) line += parts[next() % parts.length];
    const expected = EXSCRIPT.test(line);
    expect(GENERIC_ERROR_PROMPT.test(line), JSON.stringify(line)).toBe(expected);
    if (expected) hits++;
  }
  expect(hits).toBeGreaterThan(1000); // both outcomes reached
});

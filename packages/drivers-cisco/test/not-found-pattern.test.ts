// `[^\r\n] not found` replaces Exscript's `[^\r\n]+ not found` in the error lists: the
// same lines must match (an error check only asks whether a line matches). The gain,
// linear instead of quadratic time per line, is measured by tools/bench (overhead).
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@netx/driver-test-kit';
import { ios } from '../src/index.js';

const EXSCRIPT = /[^\r\n]+ not found/i;
const NETX = /[^\r\n] not found/i;

/** Deterministic pseudo-random lines built from fragments that matter to the pattern. */
function* lines(count: number, seed = 7): Generator<string> {
  const parts = [' not found', ' NOT FOUND', 'not found', ' ', 'x', '%', '\r', '\n', 'Host', ':', 'y'.repeat(300), '\t', ' not foun'];
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  for (let i = 0; i < count; i++) {
    let line = '';
    for (let k = pick(8); k > 0; k--) line += parts[pick(parts.length)];
    yield line;
  }
}

describe('the "not found" error pattern', () => {
  it('is the one ios uses', () => {
    expect(ios.errorPrompt.map(String)).toContain(String(NETX));
    expect(ios.errorPrompt.map(String)).not.toContain(String(EXSCRIPT));
  });

  it("matches exactly the lines Exscript's pattern matches", () => {
    let hits = 0;
    for (const line of lines(20_000)) {
      const expected = EXSCRIPT.test(line);
      expect(NETX.test(line), JSON.stringify(line)).toBe(expected);
      if (expected) hits++;
    }
    expect(hits).toBeGreaterThan(1000); // the generator does reach both outcomes
  });
});

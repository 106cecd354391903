// The linux prompt patterns and guess signals carry a look-ahead (an `@` early on
// the line) that only saves backtracking: with and without it, every text must
// give the same match at the same place.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '@netx/driver-test-kit';
import { linux } from '../src/index.js';

const FILTER = /\(\?=\[\^\\r\\n@\]\{0,12[89]\}@\)/;
const withoutFilter = (re: RegExp) => new RegExp(re.source.replace(FILTER, ''), re.flags);
const filtered = [...linux.prompt, ...linux.guess.response.map((s) => s.match)].filter((re): re is RegExp => re instanceof RegExp && FILTER.test(re.source));

function* texts(count: number, seed = 11): Generator<string> {
  const random = seededRandom(seed);
  const next = () => Math.floor(random() * 2 ** 16);
  const pick = (xs: readonly string[]) => xs[next() % xs.length]!;
  const noise = ['\r\n', '\n', 'user', '@', 'host', ':', '~', '/', '$ ', '# ', '[', ']', ' ', 'x'.repeat(60), 'a@b '];
  for (let i = 0; i < count; i++) {
    let t = pick(['', 'output line\r\n', 'mail a@b.c\r\n', 'y'.repeat(130)]);
    if (next() % 2) {
      // Prompt-shaped: the parts vary in length around the patterns' bounds.
      t += pick(['\r\n', '\n', '']) + pick(['', '(venv) ', 'z'.repeat(63), 'z'.repeat(65), '[']);
      t += pick(['root', 'u', 'x'.repeat(64), 'x'.repeat(65), '']) + pick(['@', '', '@@']) + pick(['web01', 'h.lab', '', 'h'.repeat(65)]);
      t += pick([':', ' ', '']) + pick(['~', '/srv', 'html', '']) + pick([']', '']) + pick(['$ ', '# ', '$', '% ']);
    } else {
      const n = 2 + (next() % 10);
      for (let k = 0; k < n; k++) t += pick(noise);
    }
    yield t;
  }
}

describe('linux patterns with the `@` look-ahead', () => {
  it('covers the user@host prompts and signals', () => {
    expect(filtered.length).toBeGreaterThanOrEqual(4);
  });

  it('match exactly what they match without it', () => {
    let hits = 0;
    for (const re of filtered) {
      const plain = withoutFilter(re);
      for (const t of texts(4_000)) {
        const a = plain.exec(t);
        const b = re.exec(t);
        expect(b?.index, `${re} on ${JSON.stringify(t)}`).toBe(a?.index);
        expect(b?.[0]).toBe(a?.[0]);
        if (a) hits++;
      }
    }
    expect(hits).toBeGreaterThan(40); // the generator does reach matches, not only misses
  });

  it('still match real prompts', () => {
    for (const p of ['\r\nadmin@r1:~$ ', '\n(venv) dev@box.lab:/srv/app# ', '\r\n[root@web01 html]# ']) {
      expect(linux.prompt.some((re) => re.test(p)), JSON.stringify(p)).toBe(true);
    }
  });
});

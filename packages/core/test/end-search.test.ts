// End-anchored prompt patterns are searched only from where a match can start (after
// the line breaks it can hold, counted back from the end): the same match as a
// search of the whole tail, on texts built to hit the edges.
import { describe, expect, it } from 'vitest';
import { GENERIC_PROMPT } from '../src/index.js';
import { findFirst, plainOf } from '../src/protocol/matcher.js';
import { ReceiveBuffer } from '../src/protocol/receive-buffer.js';

const patterns = [
  GENERIC_PROMPT,
  /[\r\n][\w.-]{1,20}[>#] ?$/,
  /[\r\n]+\{master:\d\}\r?\n[\w.-]+@[\w.-]+[>#%] $/, // spans lines (Junos-style)
  /\r\n\r\nr1>$/,
  /\br1>$/,
];

function* texts(count: number, seed = 9): Generator<string> {
  let s = seed;
  // An LCG's low bits repeat quickly: use the high ones.
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) >>> 16;
  const parts = ['\r\n', '\n', '\r', 'r1', '>', '#', ' ', 'user@host', '{master:0}', 'x', 'show', '\x1b[m', '%', '\r\n\r\n'];
  for (let i = 0; i < count; i++) {
    let t = '';
    for (let k = 1 + (next() % 12); k > 0; k--) t += parts[next() % parts.length];
    yield t;
  }
}

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
    expect(hits).toBeGreaterThan(100); // both outcomes reached
  });

  it('a text whose only line break is its first character still matches', () => {
    const buf = new ReceiveBuffer();
    buf.append('\nr1>');
    expect(findFirst(buf, [{ re: /[\r\n][\w.-]{1,20}[>#] ?$/ }], { scannedTo: 0 })?.start).toBe(0);
  });
});

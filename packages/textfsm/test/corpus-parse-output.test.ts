// Every case of the ntc-templates corpus through parseOutput (index, template choice, merge,
// lower-case keys), compared as ntc-templates compares; CRLF input must give the same records.
// A case that cannot pass is listed with its reason in fixtures/known-corpus-failures.json;
// the list must stay exact (a listed case that passes fails here too).
import { describe, expect, it } from 'vitest';
import { parseOutput } from '../src/node.js';
import { corpusCases, difference, knownFailures } from './helpers/corpus.js';

const cases = corpusCases();
const known = knownFailures();

describe('ntc-templates corpus through parseOutput', () => {
  it('has the vendored cases', () => {
    expect(cases.length).toBe(1489);
    for (const id of known.keys()) expect(cases.some((c) => c.id === id)).toBe(true);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const got = parseOutput({ platform: c.platform, command: c.command, data: c.raw });
    const diff = difference(got, c.expected());
    if (known.has(id)) {
      expect(diff, `listed as failing (${known.get(id)}) but passes: remove it from known-corpus-failures.json`).toBeDefined();
      return;
    }
    expect(diff).toBeUndefined();
    const crlf = parseOutput({ platform: c.platform, command: c.command, data: c.raw.replace(/\r?\n/g, '\r\n') });
    expect(crlf).toEqual(got);
  });
});

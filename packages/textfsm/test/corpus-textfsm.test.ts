// Every case of the ntc-templates corpus through TextFSM directly (the template the index names,
// no clitable): rows with lower-case keys must be the expected records. For the few index rows
// that join several templates, the first template's own columns are compared (clitable only
// adds the other templates' columns to its rows) and the others must parse.
import { describe, expect, it } from 'vitest';
import { findTemplates, TextFSM, type OutputRecord } from '../src/index.js';
import { loadTemplates } from '../src/node.js';
import { corpusCases, difference, knownFailures } from './helpers/corpus.js';

const cases = corpusCases();
const known = knownFailures();
const source = loadTemplates();

function direct(template: string, data: string): OutputRecord[] {
  const fsm = new TextFSM(template);
  const header = fsm.header.map((h) => h.toLowerCase());
  return fsm.parseText(data).map((row) => {
    const out: OutputRecord = {};
    header.forEach((name, i) => {
      const cell = row[i]!;
      out[name] = Array.isArray(cell) ? cell.map((x) => (x === null ? 'None' : typeof x === 'string' ? x : JSON.stringify(x))) : cell;
    });
    return out;
  });
}

describe('ntc-templates corpus through TextFSM', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const names = findTemplates(source, { Command: c.command, Platform: c.platform });
    const first = direct(source.readTemplate(names[0]!), c.raw);
    let want = c.expected();
    if (names.length > 1) {
      const columns = Object.keys(first[0] ?? {});
      want = want.map((r) => Object.fromEntries(columns.map((k) => [k, r[k]!])));
      for (const other of names.slice(1)) expect(() => direct(source.readTemplate(other), c.raw)).not.toThrow();
    }
    const diff = difference(first, want);
    if (known.has(id)) expect(diff, `listed as failing (${known.get(id)}) but passes`).toBeDefined();
    else expect(diff).toBeUndefined();
  });
});

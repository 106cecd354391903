// RELIABILITY.md is generated from the same table the matrix tests run, and the
// known-failures list may only name cells that run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_FILE, renderMatrix, section, withSection } from '../src/doc.js';
import { knownFailures, parseKnownFailures } from '../src/known-failures.js';

describe('RELIABILITY.md', () => {
  const text = readFileSync(DOC_FILE, 'utf8');

  it('holds the current fault matrix (else: pnpm --filter @netx/reliability run doc)', () => {
    expect(section(text, 'matrix'), 'RELIABILITY.md is out of date; run pnpm --filter @netx/reliability run doc').toBe(renderMatrix(knownFailures()));
  });

  it('has the soak section the soak script writes into', () => {
    expect(section(text, 'soak')).toBeDefined();
  });

  it('a section is replaced between its markers and nothing else changes', () => {
    const replaced = withSection(text, 'soak', 'figures');
    expect(section(replaced, 'soak')).toBe('figures');
    expect(section(replaced, 'matrix')).toBe(section(text, 'matrix'));
    expect(() => withSection('no markers', 'soak', 'x')).toThrow(/lacks the markers of the soak section/);
  });
});

describe('known-failures.json', () => {
  it('names running cells with a cause; anything else is refused', () => {
    expect(parseKnownFailures('{"cells":{"silent-peer/ssh":"a cause"}}').get('silent-peer/ssh')).toBe('a cause');
    expect(() => parseKnownFailures('{"cells":{"silent-peer/serial":"x"}}')).toThrow(/no cell of the fault matrix/);
    expect(() => parseKnownFailures('{"cells":{"iac-flood/ssh":"x"}}')).toThrow(/n\/a cells do not run/);
    expect(() => parseKnownFailures('{"cells":{"silent-peer/ssh":""}}')).toThrow(/needs its cause/);
  });
});

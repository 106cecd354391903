// The checked-in list of matrix cells that fail because of a known library bug.
import { readFileSync } from 'node:fs';
import { cells, isNa } from './matrix.js';

export const KNOWN_FAILURES_FILE = new URL('../known-failures.json', import.meta.url);

/** Cell key (`case/transport`) -> the cause. Throws when a key names no cell of the matrix. */
export function knownFailures(): ReadonlyMap<string, string> {
  return parseKnownFailures(readFileSync(KNOWN_FAILURES_FILE, 'utf8'));
}

export function parseKnownFailures(json: string): ReadonlyMap<string, string> {
  const parsed = JSON.parse(json) as { cells?: Record<string, unknown> };
  const keys = new Set(cells().filter((c) => !isNa(c.outcome)).map((c) => c.key));
  const out = new Map<string, string>();
  for (const [key, cause] of Object.entries(parsed.cells ?? {})) {
    if (!keys.has(key)) throw new Error(`known-failures.json: "${key}" is no cell of the fault matrix that runs (cells are <case>/<transport>, see src/matrix.ts; n/a cells do not run).`);
    if (typeof cause !== 'string' || cause.trim() === '') throw new Error(`known-failures.json: "${key}" needs its cause as text.`);
    out.set(key, cause);
  }
  return out;
}

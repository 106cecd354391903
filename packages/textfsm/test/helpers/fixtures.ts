// Paths of the vendored test data (see the PROVENANCE.md files beside them).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const upstreamDir = `${fixtures}textfsm-upstream/`;
export const corpusDir = `${fixtures}ntc-tests/`;

export function readUpstream(path: string): string {
  return readFileSync(upstreamDir + path, 'utf8');
}

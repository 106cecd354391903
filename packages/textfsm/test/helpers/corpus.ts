// The ntc-templates test corpus (vendored in fixtures/ntc-tests): one case per .raw file, its
// expected records in the .yml beside it, compared the way ntc-templates' own test compares.
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { OutputRecord } from '../../src/index.js';
import { corpusDir, fixtures } from './fixtures.js';

export interface CorpusCase {
  /** `platform/command_dir/name`, stable across runs. */
  id: string;
  platform: string;
  command: string;
  raw: string;
  expected: () => Record<string, string | string[]>[];
}

export function corpusCases(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const platform of readdirSync(corpusDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const dir of readdirSync(corpusDir + platform).sort()) {
      for (const file of readdirSync(`${corpusDir}${platform}/${dir}`).filter((f) => f.endsWith('.raw')).sort()) {
        const base = `${corpusDir}${platform}/${dir}/${file.slice(0, -4)}`;
        cases.push({
          id: `${platform}/${dir}/${file.slice(0, -4)}`,
          platform,
          command: dir.split('_').join(' '),
          raw: readFileSync(`${base}.raw`, 'utf8'),
          // The failsafe schema keeps every scalar a string; upstream's expected values are all strings.
          expected: () => parse(readFileSync(`${base}.yml`, 'utf8'), { schema: 'failsafe' }).parsed_sample ?? [],
        });
      }
    }
  }
  return cases;
}

/** ntc-templates' check: same count, same keys per record, equal values. Returns the first difference. */
export function difference(got: readonly OutputRecord[], want: readonly Record<string, string | string[]>[]): string | undefined {
  if (got.length !== want.length) return `${got.length} records, expected ${want.length}`;
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    const gk = Object.keys(g).sort().join(',');
    const wk = Object.keys(w).sort().join(',');
    if (gk !== wk) return `record ${i}: keys ${gk}, expected ${wk}`;
    for (const k of Object.keys(w)) {
      if (JSON.stringify(g[k]) !== JSON.stringify(w[k])) return `record ${i}, key ${k}: ${JSON.stringify(g[k])}, expected ${JSON.stringify(w[k])}`;
    }
  }
  return undefined;
}

/** Cases known not to pass, with the reason (test/fixtures/known-corpus-failures.json). */
export function knownFailures(): Map<string, string> {
  const list = JSON.parse(readFileSync(`${fixtures}known-corpus-failures.json`, 'utf8')) as { id: string; reason: string }[];
  return new Map(list.map((e) => [e.id, e.reason]));
}

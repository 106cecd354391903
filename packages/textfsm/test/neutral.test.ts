// The engine and the index run anywhere: only src/node.ts may use Node's modules or globals.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('runtime neutrality', () => {
  it('has no Node import or global outside src/node.ts', () => {
    const offenders = files(src)
      .filter((f) => f.endsWith('.ts') && relative(src, f) !== 'node.ts')
      .filter((f) => /from ['"]node:|\bBuffer\b|\bprocess\.|\brequire\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(src, f))).toEqual([]);
  });
});

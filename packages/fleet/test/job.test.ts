import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asClause, JobError } from '../src/errors.js';
import { readCommandFile } from '../src/runner/job.js';

const tmp = mkdtempSync(join(tmpdir(), 'netx-fleet-job-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('command file errors', () => {
  it('a cause that ends in a full stop is embedded without it', () => {
    expect(asClause('permission denied.')).toBe('permission denied');
    expect(asClause('permission denied. \n')).toBe('permission denied');
    expect(asClause("ENOTDIR: not a directory, open '/x'")).toBe("ENOTDIR: not a directory, open '/x'");
  });

  it('other read errors end in exactly one full stop', () => {
    const file = join(tmp, 'plain.txt');
    writeFileSync(file, 'show clock\n');
    const path = join(file, 'below');
    let err: unknown;
    try {
      readCommandFile(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(JobError);
    expect((err as Error).message).toBe(`Cannot read the command file ${path}: ENOTDIR: not a directory, open '${path}'.`);
  });
});

// tools/scripts/prepack.mjs, every publishable package's prepack: `pnpm pack` of small
// fixture packages builds them into an empty dist/, and refuses to pack when the build
// fails or does not write what the exports map names.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/workspace.js';

const PREPACK = join(REPO_ROOT, 'tools/scripts/prepack.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A package whose build script (build.mjs) writes `writes` into dist/ and exits with `exit`. */
function fixture(writes: string[], exit = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'netx-prepack-'));
  dirs.push(dir);
  const build = [
    "import { mkdirSync, writeFileSync } from 'node:fs';",
    "mkdirSync('dist', { recursive: true });",
    ...writes.map((f) => `writeFileSync(${JSON.stringify(f)}, '// built\\n');`),
    exit ? `console.error('build error: something is wrong'); process.exit(${exit});` : '',
  ].join('\n');
  writeFileSync(join(dir, 'build.mjs'), build);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name: 'prepack-fixture', version: '1.0.0', type: 'module', files: ['dist'],
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
    scripts: { build: 'node build.mjs', prepack: `node ${PREPACK}` },
  }, null, 2));
  return dir;
}

function pack(dir: string) {
  const r = spawnSync('pnpm', ['pack', '--pack-destination', join(dir, 'out')], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  const tarball = join(dir, 'out', 'prepack-fixture-1.0.0.tgz');
  return { status: r.status, out: `${r.stdout}${r.stderr}`, tarball: existsSync(tarball) ? tarball : undefined };
}

describe('prepack.mjs', () => {
  it('builds into an empty dist/: files of an earlier build are not packed', () => {
    const dir = fixture(['dist/index.js', 'dist/index.d.ts']);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist/stale.js'), '// from a deleted source\n');
    const r = pack(dir);
    expect(r.status, r.out).toBe(0);
    const files = execFileSync('tar', ['tzf', r.tarball!], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
    expect(files).toEqual(['package/dist/index.d.ts', 'package/dist/index.js', 'package/package.json']);
  });

  it('refuses to pack when the build fails', () => {
    const r = pack(fixture(['dist/index.js', 'dist/index.d.ts'], 2));
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('prepack prepack-fixture: the build failed');
    expect(r.tarball).toBeUndefined();
  });

  it('refuses to pack when the build does not write a file the exports map names', () => {
    const r = pack(fixture(['dist/index.js']));
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('the build did not write ./dist/index.d.ts');
    expect(r.tarball).toBeUndefined();
  });
});

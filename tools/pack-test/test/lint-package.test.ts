// tools/scripts/lint-package.mjs's publishing rules on a fixture repository: a new
// package without LICENSE, links, prepack, the 0.x core peer range or the @types/node
// declaration fails with one line per rule; `--fix` writes them and the lint passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/workspace.js';

const LINT = join(REPO_ROOT, 'tools/scripts/lint-package.mjs');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'netx-lint-'));
  dirs.push(root);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n');
  write('package.json', JSON.stringify({ name: 'fixture', private: true, repository: { type: 'git', url: 'git+https://example.org/netx/netx.git' } }));
  write('LICENSE', readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8'));
  write('packages/core/package.json', JSON.stringify({ name: '@netx/core', version: '0.3.0' }));
  write('packages/new/package.json', JSON.stringify({
    name: '@netx/transport-new', version: '0.1.0', type: 'module', license: 'MIT',
    exports: { '.': { '@netx/source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
    files: ['dist'], scripts: { build: 'tsc -p tsconfig.build.json' }, peerDependencies: { '@netx/core': 'workspace:^' },
  }, null, 2));
  write('packages/new/README.md', '# @netx/transport-new\n\n## Install\n\n```sh\nnpm install @netx/transport-new\n```\n\n## Smallest example\n');
  write('packages/new/src/index.ts', "export const x = 1;\n");
  return root;
}

function lint(root: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [LINT, ...args], { cwd: join(root, 'packages/new'), encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('lint-package.mjs publishing rules', () => {
  it('names every missing piece of a new package', () => {
    const r = lint(repo());
    expect(r.status).toBe(1);
    for (const rule of [
      'LICENSE is missing',
      '"repository" must be {"type":"git","url":"git+https://example.org/netx/netx.git","directory":"packages/new"}',
      '"homepage" must be "https://example.org/netx/netx/tree/main/packages/new#readme"',
      '"bugs" must be {"url":"https://example.org/netx/netx/issues"}',
      'scripts.prepack must be "node ../../tools/scripts/prepack.mjs"',
      'peerDependencies["@netx/core"] is "workspace:^"',
      'add "@types/node": ">=20" to peerDependencies',
      'README.md must say (in Install) that TypeScript users need @types/node',
    ]) expect(r.out).toContain(rule);
  });

  it('--fix writes LICENSE, the metadata and the README line; then the lint passes', () => {
    const root = repo();
    expect(lint(root, '--fix').status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(root, 'packages/new/package.json'), 'utf8'));
    expect(pkg.peerDependencies).toEqual({ '@netx/core': 'workspace:>=0.1.0 <1.0.0', '@types/node': '>=20' });
    expect(pkg.peerDependenciesMeta).toEqual({ '@types/node': { optional: true } });
    expect(Object.keys(pkg).slice(0, 8)).toEqual(['name', 'version', 'type', 'license', 'repository', 'homepage', 'bugs', 'exports']);
    expect(readFileSync(join(root, 'packages/new/LICENSE'), 'utf8')).toContain('netx contributors');
    expect(readFileSync(join(root, 'packages/new/README.md'), 'utf8')).toMatch(/```\n\nTypeScript: .*\n`@types\/node` 20 or later/);
    expect(lint(root).status).toBe(0);
  });

  it('a LICENSE that differs from the root one is refused', () => {
    const root = repo();
    lint(root, '--fix');
    writeFileSync(join(root, 'packages/new/LICENSE'), 'All rights reserved.\n');
    const r = lint(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain('LICENSE differs from the root LICENSE');
  });
});

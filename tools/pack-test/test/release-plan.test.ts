// tools/scripts/check-release-plan.mjs (the 0.x versioning policy, docs/decisions/0004):
// passes on this repository, and fails on small fixture workspaces that break the policy,
// with changesets itself computing the plans.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const script = join(repo, 'tools/scripts/check-release-plan.mjs');

function check(root?: string) {
  const args = root ? [script, `--root=${root}`] : [script];
  const r = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

const fixtures: string[] = [];
afterEach(() => {
  for (const dir of fixtures.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A workspace with @netx/core 0.1.0 and one plugin whose core peer range is `peer`. */
function fixture(peer: string, pending?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'netx-policy-'));
  fixtures.push(root);
  const write = (file: string, value: unknown) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  };
  write('package.json', { name: 'fixture-root', private: true });
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n');
  write('.changeset/config.json', {
    changelog: false, commit: false, fixed: [], linked: [], access: 'public', baseBranch: 'main',
    updateInternalDependencies: 'patch', ignore: [],
    ___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH: { onlyUpdatePeerDependentsWhenOutOfRange: true },
  });
  write('packages/core/package.json', { name: '@netx/core', version: '0.1.0' });
  write('packages/plugin/package.json', {
    name: '@netx/transport-fixture', version: '0.1.0',
    peerDependencies: { '@netx/core': peer }, devDependencies: { '@netx/core': 'workspace:*' },
  });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@localhost', 'commit', '-q', '-m', 'fixture');
  if (pending) write('.changeset/pending.md', `---\n${pending}\n---\n\nPending.\n`);
  return root;
}

describe('check-release-plan', () => {
  it('passes on this repository: no 0.x package would get a major', () => {
    const r = check();
    expect(r.out).toContain('release plan: no 0.x package gets a major');
    expect(r.status).toBe(0);
  });

  it('passes on a plugin with the policy range, a pending core minor included', () => {
    const r = check(fixture('workspace:>=0.1.0 <1.0.0', '"@netx/core": minor'));
    expect(r.out).not.toContain('problem');
    expect(r.status).toBe(0);
  });

  it('fails on a workspace:^ peer: changesets would make a core minor a plugin major', () => {
    const r = check(fixture('workspace:^'));
    expect(r.status).toBe(1);
    expect(r.out).toContain('packages/plugin: peerDependencies["@netx/core"] is "workspace:^"');
    expect(r.out).toContain('a core minor: @netx/transport-fixture would go 0.1.0 -> 1.0.0');
  });

  it('fails on a pending changeset that takes a 0.x package to 1.0.0', () => {
    const r = check(fixture('workspace:>=0.1.0 <1.0.0', '"@netx/core": major'));
    expect(r.status).toBe(1);
    expect(r.out).toContain('pending changesets: @netx/core would go 0.1.0 -> 1.0.0');
  });

  it('fails on a lower bound newer than the workspace core', () => {
    const r = check(fixture('workspace:>=0.3.0 <1.0.0'));
    expect(r.status).toBe(1);
    expect(r.out).toContain('starts at 0.3.0, newer than the workspace core 0.1.0');
  });
});

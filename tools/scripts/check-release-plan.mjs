// The 0.x versioning policy (docs/decisions/0004-versioning.md), checked:
//  1. every publishable plugin's peer range on @netx/core is `workspace:>=0.A.B <1.0.0`
//     with 0.A.B no newer than the core (a `workspace:^` peer makes each core minor a
//     plugin major);
//  2. the pending release plan (`changeset status --output`) bumps no 0.x package to 1.0.0;
//  3. the same holds for hypothetical releases (a core minor, a core patch, a minor of
//     every package), planned by changesets itself in a scratch copy of the workspace.
// Run by tools/scripts/test.sh; exits 1 with one line per problem. Tested in
// tools/pack-test/test/release-plan.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORE = '@netx/core';
const PEER_RANGE = /^workspace:>=(0\.\d+\.\d+) <1\.0\.0$/;

/** Workspace packages as { dir (relative), pkg } from the globs of pnpm-workspace.yaml. */
export function workspacePackages(root) {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const globs = [...yaml.matchAll(/^\s*-\s*['"]?([\w./-]+)\/\*['"]?\s*$/gm)].map((m) => m[1]);
  const out = [];
  for (const base of globs) {
    if (!existsSync(join(root, base))) continue;
    for (const name of readdirSync(join(root, base)).sort()) {
      const file = join(root, base, name, 'package.json');
      if (existsSync(file)) out.push({ dir: `${base}/${name}`, pkg: JSON.parse(readFileSync(file, 'utf8')) });
    }
  }
  return out;
}

/** Rule 1: peer ranges on the core, for every publishable (not private, not ignored) package. */
export function checkPeerRanges(packages, ignored = []) {
  const core = packages.find((p) => p.pkg.name === CORE)?.pkg.version;
  if (!core) return [`${CORE} is not in the workspace`];
  if (!core.startsWith('0.')) return []; // 1.x and later: `workspace:^` is right (see 0004)
  const problems = [];
  for (const { dir, pkg } of packages) {
    if (pkg.private || ignored.includes(pkg.name)) continue;
    const range = pkg.peerDependencies?.[CORE];
    if (range === undefined) continue;
    const m = PEER_RANGE.exec(range);
    if (!m) {
      problems.push(`${dir}: peerDependencies["${CORE}"] is "${range}"; while the core is 0.x write "workspace:>=0.1.0 <1.0.0" (lower bound: the oldest core this package works with), see docs/decisions/0004-versioning.md`);
    } else if (compare(m[1], core) > 0) {
      problems.push(`${dir}: peerDependencies["${CORE}"] starts at ${m[1]}, newer than the workspace core ${core}`);
    }
  }
  return problems;
}

/** Rule 2/3 on one plan (the JSON `changeset status --output` writes). */
export function checkPlan(plan, label) {
  return plan.releases
    .filter((r) => r.type === 'major' && r.oldVersion.startsWith('0.'))
    .map((r) => `${label}: ${r.name} would go ${r.oldVersion} -> ${r.newVersion} (a major while at 0.x; 0004 forbids it)`);
}

function compare(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

// The changesets CLI of this repository (also for a --root fixture without node_modules).
function changesetBin() {
  return createRequire(import.meta.url).resolve('@changesets/cli/bin.js');
}

/** `changeset status --output` in `cwd`, parsed. */
export function releasePlan(cwd, bin) {
  const out = join(mkdtempSync(join(tmpdir(), 'netx-plan-')), 'plan.json');
  try {
    execFileSync(process.execPath, [bin, 'status', `--output=${out}`], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dirname(out), { recursive: true, force: true });
  }
}

/**
 * Plans a hypothetical release: a scratch copy of the workspace manifests (root files,
 * .changeset/config.json, every package.json) in a fresh git repo on the base branch,
 * plus one changeset with `bumps` ({ name: 'minor' | 'patch' | 'major' }).
 */
export function hypotheticalPlan(root, bumps, bin = changesetBin()) {
  const scratch = mkdtempSync(join(tmpdir(), 'netx-release-'));
  try {
    const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
    for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
      mkdirSync(dirname(join(scratch, file)), { recursive: true });
      writeFileSync(join(scratch, file), readFileSync(join(root, file)));
    }
    for (const { dir, pkg } of workspacePackages(root)) {
      mkdirSync(join(scratch, dir), { recursive: true });
      writeFileSync(join(scratch, dir, 'package.json'), JSON.stringify(pkg, null, 2));
    }
    const git = (...args) => execFileSync('git', args, { cwd: scratch, stdio: 'ignore' });
    git('init', '-q', '-b', config.baseBranch ?? 'main');
    git('add', '.');
    git('-c', 'user.name=netx', '-c', 'user.email=netx@localhost', 'commit', '-q', '-m', 'scratch');
    const front = Object.entries(bumps).map(([name, type]) => `"${name}": ${type}`).join('\n');
    writeFileSync(join(scratch, '.changeset/hypothetical.md'), `---\n${front}\n---\n\nHypothetical release.\n`);
    return releasePlan(scratch, bin);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every check; returns the problems (empty = the policy holds). */
export function checkReleasePolicy(root) {
  const bin = changesetBin();
  const config = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8'));
  const packages = workspacePackages(root);
  const problems = checkPeerRanges(packages, config.ignore ?? []);
  const pending = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  if (pending.length) problems.push(...checkPlan(releasePlan(root, bin), 'pending changesets'));
  const publishable = packages.filter((p) => !p.pkg.private && !(config.ignore ?? []).includes(p.pkg.name));
  const scenarios = {
    'a core minor': { [CORE]: 'minor' },
    'a core patch': { [CORE]: 'patch' },
    'a minor of every package': Object.fromEntries(publishable.map((p) => [p.pkg.name, 'minor'])),
  };
  for (const [label, bumps] of Object.entries(scenarios)) {
    problems.push(...checkPlan(hypotheticalPlan(root, bumps, bin), label));
  }
  return problems;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  // --root=<dir>: check another workspace (the tests use a fixture); default: this repository.
  const rootArg = process.argv.find((a) => a.startsWith('--root='))?.slice('--root='.length);
  const root = resolve(rootArg ?? join(dirname(fileURLToPath(import.meta.url)), '../..'));
  const problems = checkReleasePolicy(root);
  if (problems.length) {
    console.error(`release plan: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  console.log('release plan: no 0.x package gets a major; plugin peer ranges on @netx/core follow 0004');
}

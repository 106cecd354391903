// Package hygiene for one workspace package (run from its folder by `pnpm lint`):
// what a published netx package must have, checked from its files, so a broken
// exports map, a forgotten README or LICENSE fails before a release does.
// `node ../../tools/scripts/lint-package.mjs --fix` writes the metadata part
// (LICENSE, repository/homepage/bugs, prepack, peer ranges, @types/node) for you.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findRoot, fixMetadata, metadataProblems } from './package-metadata.mjs';

const dir = process.cwd();
const repoRoot = findRoot(dir);
const usesNodeInSource = sourceUsesNode(join(dir, 'src'));
if (process.argv.includes('--fix')) fixMetadata({ root: repoRoot, dir, usesNodeInSource });
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const problems = [];
const fail = (msg) => problems.push(msg);

if (pkg.type !== 'module') fail('"type" must be "module" (netx packages are ESM).');
if (!existsSync(join(dir, 'README.md'))) fail('README.md is missing (install, smallest example, options, errors, testing).');

if (!pkg.private) {
  const root = pkg.exports?.['.'];
  if (!root) fail('"exports" needs a "." entry.');
  for (const [key, entry] of Object.entries(pkg.exports ?? {})) {
    if (typeof entry === 'string') continue;
    for (const cond of ['@netx/source', 'types', 'default']) {
      if (!entry[cond]) fail(`exports["${key}"] lacks the "${cond}" condition.`);
    }
    const src = entry['@netx/source'];
    if (src && !existsSync(join(dir, src))) fail(`exports["${key}"]["@netx/source"] points to ${src}, which does not exist.`);
    const keys = Object.keys(entry);
    if (keys.indexOf('@netx/source') > keys.indexOf('default')) fail(`exports["${key}"]: "@netx/source" must come before "default".`);
  }
  if (!pkg.exports?.['./package.json']) fail('exports should expose "./package.json".');
  if (!Array.isArray(pkg.files) || !pkg.files.includes('dist')) fail('"files" must include "dist".');
  if (pkg.name?.startsWith('@netx/') && pkg.name !== '@netx/core') {
    const dependsOnCore = pkg.dependencies?.['@netx/core'];
    if (dependsOnCore) fail('plugins take @netx/core as a peerDependency, not a dependency (two copies of core otherwise).');
  }
  if (pkg.peerDependencies?.vitest && pkg.dependencies?.vitest) fail('vitest must be a peer dependency only.');
  const readme = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : '';
  const coreVersion = JSON.parse(readFileSync(join(repoRoot, 'packages/core/package.json'), 'utf8')).version;
  for (const p of metadataProblems({ root: repoRoot, dir, pkg, readme, usesNodeInSource, coreVersion })) fail(p);
}

/** Whether non-test sources use Node's API (node: imports, Buffer, NodeJS.*): then the types need @types/node. */
function sourceUsesNode(d) {
  if (!existsSync(d)) return false;
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) {
      if (sourceUsesNode(p)) return true;
    } else if (/\.(ts|mts)$/.test(name) && !/\.test\.ts$/.test(name)) {
      if (/from ['"]node:|\bBuffer\b|\bNodeJS\./.test(readFileSync(p, 'utf8'))) return true;
    }
  }
  return false;
}

// Source rules: no leftovers that must never ship.
const banned = [
  [/TODO: implement/, 'a "TODO: implement" stub'],
  [/\b(?:it|describe|test)\.only\(/, 'a focused test (.only)'],
  [/\bdebugger;/, 'a debugger statement'],
];
function walk(d) {
  for (const name of readdirSync(d)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|mts|mjs|js)$/.test(name)) {
      const text = readFileSync(p, 'utf8');
      for (const [re, what] of banned) if (re.test(text)) fail(`${relative(dir, p)} contains ${what}.`);
    }
  }
}
for (const sub of ['src', 'test']) if (existsSync(join(dir, sub))) walk(join(dir, sub));

if (problems.length) {
  console.error(`lint ${pkg.name}:\n  - ${problems.join('\n  - ')}\n(\`node ../../tools/scripts/lint-package.mjs --fix\` writes LICENSE and the package.json metadata.)`);
  process.exit(1);
}
console.log(`lint ${pkg.name}: ok`);

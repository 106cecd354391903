// What a publishable netx package must carry besides its code (issue #14, decision 0004):
// the MIT LICENSE, repository/homepage/bugs derived from the root package.json, a prepack
// that builds, the 0.x peer range on @netx/core and the @types/node declaration. Used by
// lint-package.mjs to check, and by `lint-package.mjs --fix` to write the missing parts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const PREPACK = 'node ../../tools/scripts/prepack.mjs';
export const CORE_PEER = /^workspace:>=0\.\d+\.\d+ <1\.0\.0$/;
export const CORE_PEER_DEFAULT = 'workspace:>=0.1.0 <1.0.0';

/** The repository root: the nearest folder above `dir` with pnpm-workspace.yaml. */
export function findRoot(dir) {
  let d = dir;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(d, 'pnpm-workspace.yaml'))) return d;
    d = join(d, '..');
  }
  throw new Error(`no pnpm-workspace.yaml above ${dir}`);
}

/** repository/homepage/bugs for the package in `dir`, from the root package.json's repository. */
export function expectedLinks(root, dir) {
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const url = rootPkg.repository?.url;
  if (!url) throw new Error('the root package.json has no repository.url');
  const web = url.replace(/^git\+/, '').replace(/\.git$/, '');
  const directory = relative(root, dir).split('\\').join('/');
  return {
    repository: { type: 'git', url, directory },
    homepage: `${web}/tree/main/${directory}#readme`,
    bugs: { url: `${web}/issues` },
  };
}

/** Whether the package's published types use Node's (through core, or its own sources). */
export function needsNodeTypes(pkg, usesNodeInSource) {
  return pkg.name === '@netx/core' || Boolean(pkg.peerDependencies?.['@netx/core']) || usesNodeInSource;
}

export function declaresNodeTypes(pkg) {
  if (pkg.dependencies?.['@types/node']) return true;
  return Boolean(pkg.peerDependencies?.['@types/node']) && pkg.peerDependenciesMeta?.['@types/node']?.optional === true;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Problems with the metadata of a publishable package (empty when all is in place). */
export function metadataProblems({ root, dir, pkg, readme, usesNodeInSource, coreVersion }) {
  const problems = [];
  const license = join(dir, 'LICENSE');
  if (!existsSync(license)) problems.push('LICENSE is missing (copy the root LICENSE: MIT, "netx contributors").');
  else if (readFileSync(license, 'utf8') !== readFileSync(join(root, 'LICENSE'), 'utf8')) problems.push('LICENSE differs from the root LICENSE.');
  if (pkg.license !== 'MIT') problems.push('"license" must be "MIT".');
  const links = expectedLinks(root, dir);
  for (const [key, want] of Object.entries(links)) {
    if (!same(pkg[key], want)) problems.push(`"${key}" must be ${JSON.stringify(want)}.`);
  }
  if (pkg.scripts?.prepack !== PREPACK) problems.push(`scripts.prepack must be "${PREPACK}" (a fresh build, so nothing is packed without dist/).`);
  const peer = pkg.peerDependencies?.['@netx/core'];
  if (peer !== undefined && coreVersion?.startsWith('0.') && !CORE_PEER.test(peer)) {
    problems.push(`peerDependencies["@netx/core"] is "${peer}"; while the core is 0.x it is "${CORE_PEER_DEFAULT}" (docs/decisions/0004-versioning.md).`);
  }
  if (needsNodeTypes(pkg, usesNodeInSource)) {
    if (!declaresNodeTypes(pkg)) problems.push('the types use Node\'s: add "@types/node": ">=20" to peerDependencies with peerDependenciesMeta {"optional": true}.');
    if (!readme.includes('@types/node')) problems.push('README.md must say (in Install) that TypeScript users need @types/node.');
  }
  return problems;
}

/** The paragraph `--fix` puts after the first code block of "## Install". */
export const README_TYPES = `TypeScript: the type declarations use Node's types (\`Buffer\`, \`AbortSignal\`, \`NodeJS.*\`), so have
\`@types/node\` 20 or later in your project (\`npm install -D @types/node\`; it is an optional peer
dependency, and listed in \`types\` if your tsconfig restricts \`types\`). Nothing else is needed to typecheck
with \`skipLibCheck: false\` and \`moduleResolution\` \`nodenext\` or \`bundler\`.`;

/** Writes what metadataProblems asks for; re-reads package.json right before writing it. */
export function fixMetadata({ root, dir, usesNodeInSource }) {
  const file = join(dir, 'package.json');
  const before = readFileSync(file, 'utf8');
  const pkg = JSON.parse(before);
  if (pkg.private) return;
  if (!existsSync(join(dir, 'LICENSE'))) writeFileSync(join(dir, 'LICENSE'), readFileSync(join(root, 'LICENSE')));
  const links = expectedLinks(root, dir);
  const out = {};
  let placed = false;
  for (const [k, v] of Object.entries(pkg)) {
    if (k in links) continue;
    out[k] = k === 'license' ? 'MIT' : v;
    if (k === 'license') placed = Boolean(Object.assign(out, links));
  }
  if (!placed) Object.assign(out, { license: 'MIT' }, links);
  out.scripts = { ...(pkg.scripts ?? {}), prepack: PREPACK };
  const peer = out.peerDependencies?.['@netx/core'];
  if (peer !== undefined && !CORE_PEER.test(peer)) out.peerDependencies['@netx/core'] = CORE_PEER_DEFAULT;
  if (needsNodeTypes(out, usesNodeInSource) && !declaresNodeTypes(out)) {
    out.peerDependencies = { ...(out.peerDependencies ?? {}), '@types/node': '>=20' };
    out.peerDependenciesMeta = { ...(out.peerDependenciesMeta ?? {}), '@types/node': { optional: true } };
  }
  if (readFileSync(file, 'utf8') !== before) throw new Error(`${file} changed while fixing; run --fix again.`);
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  const readmeFile = join(dir, 'README.md');
  if (needsNodeTypes(out, usesNodeInSource) && existsSync(readmeFile)) {
    const text = readFileSync(readmeFile, 'utf8');
    const lines = text.split('\n');
    const h = lines.findIndex((l) => l.startsWith('## Install'));
    const open = lines.findIndex((l, i) => i > h && l.startsWith('```'));
    const close = lines.findIndex((l, i) => i > open && l.startsWith('```'));
    if (!text.includes('@types/node') && h >= 0 && open > h && close > open) {
      lines.splice(close + 1, 0, '', ...README_TYPES.split('\n'));
      writeFileSync(readmeFile, lines.join('\n'));
    }
  }
}

// `prepack` of every publishable package (run from its folder by `pnpm pack`/`npm pack`/
// publish): a fresh build into an empty dist/ — so files of moved or deleted sources never
// ship — then every file the exports map, `main` and `types` name must exist, or packing fails.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.cwd();
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
if (!pkg.scripts?.build) {
  console.error(`prepack ${pkg.name}: no "build" script; a package is packed from its dist/, add one.`);
  process.exit(1);
}

rmSync(join(dir, 'dist'), { recursive: true, force: true });
try {
  // The build script's command line; the package manager running prepack has put
  // node_modules/.bin on PATH, as it does for `build` itself.
  execSync(pkg.scripts.build, { cwd: dir, stdio: 'inherit' });
} catch {
  console.error(`prepack ${pkg.name}: the build failed; fix the errors above, nothing was packed.`);
  process.exit(1);
}

/** Every file path named by an exports entry (conditions nested to any depth). */
function targets(entry) {
  if (typeof entry === 'string') return [entry];
  if (!entry || typeof entry !== 'object') return [];
  return Object.entries(entry).flatMap(([cond, v]) => (cond === '@netx/source' ? [] : targets(v)));
}
const named = [...targets(pkg.exports), pkg.main, pkg.types].filter((p) => typeof p === 'string' && !p.includes('*'));
const missing = [...new Set(named)].filter((p) => !existsSync(join(dir, p)));
if (missing.length) {
  console.error(`prepack ${pkg.name}: the build did not write ${missing.join(', ')}; check tsconfig.build.json and "exports".`);
  process.exit(1);
}

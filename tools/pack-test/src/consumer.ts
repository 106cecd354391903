// One fresh npm project outside the workspace, installed the way a third party installs
// the published packages: npm (not pnpm), third-party dependencies from the npm registry.
// It is a copy of examples/netx-driver-example made as docs/writing-a-driver.md §7 says
// (its own package.json brings TypeScript, @types/node 20, vitest, publint, attw), with
// every packed @netx package and TypeScript 5.9 added, and a consumer/ folder of programs
// that use them.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PackResult } from './pack.js';
import { entryPoints, REPO_ROOT, type Manifest } from './workspace.js';

const run = promisify(execFile);

export const FIXTURES = new URL('../fixtures/consumer/', import.meta.url);
/** The consumer programs' folder inside the project (outside the example's tsconfig and vitest globs). */
export const CONSUMER = 'consumer';
/** TypeScript 5.x, installed under this alias next to the example's own TypeScript. */
const TYPESCRIPT_5 = 'typescript-5';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command; never throws on a non-zero exit (the result says), only on a timeout. */
export async function exec(cmd: string, args: string[], cwd: string, timeout: number): Promise<RunResult> {
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, timeout, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: unknown; killed?: boolean; stdout?: string; stderr?: string; message: string };
    if (e.killed) throw new Error(`${cmd} ${args.join(' ')} took longer than ${timeout} ms: ${e.message}`);
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: `${e.stderr ?? ''}${e.message}` };
  }
}

/** The tsconfig of one module-resolution mode; both check every declaration file. */
function tsconfig(mode: 'nodenext' | 'bundler', outDir?: string) {
  return {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: mode === 'nodenext' ? 'NodeNext' : 'Preserve',
      moduleResolution: mode === 'nodenext' ? 'NodeNext' : 'Bundler',
      strict: true,
      skipLibCheck: false,
      types: ['node'],
      ...(outDir ? { outDir, rootDir: '.' } : { noEmit: true }),
    },
    include: ['*.ts'],
  };
}

/** A file that imports every entry point of every package, so all their declarations are checked. */
export function allEntriesSource(manifests: Manifest[]): string {
  const specs = manifests.flatMap(entryPoints);
  const imports = specs.map((s, i) => `import * as e${i} from '${s}';`);
  const table = specs.map((s, i) => `  '${s}': e${i},`);
  return [
    '// Generated: every entry point of every packed package.',
    ...imports,
    'export const entries: Record<string, object> = {',
    ...table,
    '};',
    'const empty = Object.entries(entries).filter(([, m]) => Object.keys(m).length === 0).map(([s]) => s);',
    'console.log(JSON.stringify({ entries: Object.keys(entries).length, empty }));',
    '',
  ].join('\n');
}

/**
 * The packages a consumer can install: packed, and every @netx package they depend on
 * (dependencies or peers) installable too. A package that failed to pack fails its own
 * test; this keeps the rest of the consumer tests meaningful meanwhile.
 */
export function installable(packed: readonly PackResult[], manifests: readonly Manifest[]): Manifest[] {
  let ok = manifests.filter((m) => packed.some((p) => p.name === m.name && p.tarball));
  for (let changed = true; changed; ) {
    const names = new Set(ok.map((m) => m.name));
    const next = ok.filter((m) =>
      Object.keys({ ...m.dependencies, ...m.peerDependencies }).every((d) => !d.startsWith('@netx/') || names.has(d)),
    );
    changed = next.length < ok.length;
    ok = next;
  }
  return ok;
}

/**
 * Writes the project and runs npm install: the example's files (no node_modules, dist),
 * its package.json renamed and made public as §7 says, and — as the @netx packages are not
 * on the registry — every installable tarball in place of the @netx ranges (all of them:
 * npm would look transitive @netx dependencies up in the registry otherwise).
 */
export async function createConsumer(dir: string, packed: readonly PackResult[], manifests: Manifest[]): Promise<RunResult> {
  cpSync(join(REPO_ROOT, 'examples/netx-driver-example'), dir, { recursive: true, filter: (f) => !/[\\/](node_modules|dist|\.turbo)$/.test(f) });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.name = 'netx-driver-acme';
  delete pkg.private;
  for (const m of manifests) pkg.devDependencies[m.name] = `file:${packed.find((p) => p.name === m.name)!.tarball}`;
  // The example builds with its own TypeScript (7); the consumer programs are checked with 5.
  pkg.devDependencies[TYPESCRIPT_5] = 'npm:typescript@~5.9.3';
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  const programs = join(dir, CONSUMER);
  mkdirSync(programs, { recursive: true });
  cpSync(FIXTURES, programs, { recursive: true });
  writeFileSync(join(programs, 'tsconfig.nodenext.json'), JSON.stringify(tsconfig('nodenext', 'out'), null, 2));
  writeFileSync(join(programs, 'tsconfig.bundler.json'), JSON.stringify(tsconfig('bundler'), null, 2));
  writeFileSync(join(programs, 'all-entries.ts'), allEntriesSource(manifests));
  // --prefer-offline: registry metadata from npm's cache when it has it (CI reruns are faster).
  return exec('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir, 300_000);
}

/** TypeScript 5's tsc on the consumer programs, with one of the two tsconfigs. */
export function typecheck(dir: string, mode: 'nodenext' | 'bundler'): Promise<RunResult> {
  return exec(process.execPath, [join(dir, `node_modules/${TYPESCRIPT_5}/bin/tsc`), '-p', `${CONSUMER}/tsconfig.${mode}.json`], dir, 180_000);
}

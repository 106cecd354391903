// `pnpm pack` of every publishable package into one folder, as a release would make
// them: each package's prepack builds it afresh (tools/scripts/prepack.mjs).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { publishablePackages, REPO_ROOT, type WorkspacePackage } from './workspace.js';

const run = promisify(execFile);

export interface PackResult {
  readonly name: string;
  readonly version: string;
  readonly dir: string;
  /** Absolute path of the .tgz, when packing worked. */
  readonly tarball?: string;
  /** pnpm's output when it did not. */
  readonly error?: string;
}

/** The file name pnpm gives a tarball: `@netx/core` 0.1.0 -> `netx-core-0.1.0.tgz`. */
export function tarballName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

async function packOne(pkg: WorkspacePackage, dest: string): Promise<PackResult> {
  const { name, version } = pkg.manifest;
  const base = { name, version, dir: pkg.dir };
  try {
    await run('pnpm', ['pack', '--pack-destination', dest], {
      cwd: join(REPO_ROOT, pkg.dir),
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    return { ...base, error: `${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`.slice(0, 4000) };
  }
  const tarball = join(dest, tarballName(name, version));
  return existsSync(tarball) ? { ...base, tarball } : { ...base, error: `pnpm pack exited 0 but wrote no ${tarball}` };
}

/** Packs every publishable package, two at a time (the CI machine has two cores). */
export async function packAll(dest: string, packages = publishablePackages()): Promise<PackResult[]> {
  const results: PackResult[] = [];
  const queue = [...packages];
  const worker = async () => {
    for (let pkg = queue.shift(); pkg; pkg = queue.shift()) results.push(await packOne(pkg, dest));
  };
  await Promise.all([worker(), worker()]);
  return results.sort((a, b) => a.name.localeCompare(b.name));
}

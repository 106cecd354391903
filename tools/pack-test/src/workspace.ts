// The publishable packages of the workspace: every package under the pnpm-workspace
// globs that is not private and not ignored by changesets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export interface WorkspacePackage {
  /** Folder relative to the repository root, e.g. `packages/core`. */
  readonly dir: string;
  readonly manifest: Manifest;
}

export function publishablePackages(root = REPO_ROOT): WorkspacePackage[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const bases = [...yaml.matchAll(/^\s*-\s*['"]?([\w./-]+)\/\*['"]?\s*$/gm)].map((m) => m[1]!);
  const ignore: string[] = JSON.parse(readFileSync(join(root, '.changeset/config.json'), 'utf8')).ignore ?? [];
  const out: WorkspacePackage[] = [];
  for (const base of bases) {
    if (!existsSync(join(root, base))) continue;
    for (const name of readdirSync(join(root, base)).sort()) {
      const file = join(root, base, name, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      if (!manifest.private && !ignore.includes(manifest.name)) out.push({ dir: `${base}/${name}`, manifest });
    }
  }
  return out;
}

/** The import specifiers a consumer can use: the name plus every subpath export except package.json. */
export function entryPoints(manifest: Manifest): string[] {
  const keys = Object.keys(manifest.exports ?? { '.': null });
  return keys
    .filter((k) => k !== './package.json' && !k.includes('*'))
    .map((k) => (k === '.' ? manifest.name : `${manifest.name}/${k.slice(2)}`));
}

// publint and "are the types wrong" on packed tarballs, in one Node process (one
// TypeScript load for all packages instead of one CLI start each), outside vitest
// (whose resolver would pick attw's "development" sources).
//   node publish-checks.mjs <a.tgz> [<b.tgz> ...]  ->  JSON { [tgz]: { publint, attw } }
// publint: --strict at suggestion level, every message as the CLI formats it.
// attw: the CLI's own verdict for `attw <tgz> --profile esm-only` (its getExitCode with
// that profile's ignored resolutions), reported with the CLI's table when it fails.
import { readFileSync } from 'node:fs';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { getExitCode } from '@arethetypeswrong/cli/internal/getExitCode';
import { typed } from '@arethetypeswrong/cli/internal/render';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

/** What `--profile esm-only` ignores: netx packages are ESM only, require() is not offered. */
const ESM_ONLY_IGNORED = ['node10', 'node16-cjs'];

async function publintMessages(bytes) {
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball }, level: 'suggestion', strict: true });
  return messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg) ?? ''}`);
}

async function attwProblems(bytes) {
  const pkg = createPackageFromTarballData(new Uint8Array(bytes));
  const analysis = await checkPackage(pkg);
  if (!analysis.types) return `${pkg.packageName} ships no types`;
  const opts = { ignoreResolutions: ESM_ONLY_IGNORED };
  if (getExitCode(analysis, opts) === 0) return '';
  return typed(analysis, { ...opts, format: 'ascii', summary: true, emoji: false });
}

const out = {};
for (const file of process.argv.slice(2)) {
  const bytes = readFileSync(file);
  out[file] = { publint: await publintMessages(bytes), attw: await attwProblems(bytes) };
}
process.stdout.write(JSON.stringify(out));

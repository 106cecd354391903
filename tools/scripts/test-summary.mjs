// Prints one closing line "netx: N passed, N failed, N skipped" from vitest's JSON
// report, and fails when no test ran at all, or when the skipped tests differ from the
// checked-in list (tools/scripts/expected-skips.json): a skip must never hide a failure.
//
//   node tools/scripts/test-summary.mjs <report.json>                         check
//   node tools/scripts/test-summary.mjs <report.json> --update-expected-skips rewrite the list
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXPECTED_FILE = join(ROOT, 'tools/scripts/expected-skips.json');
const SKIPPED = new Set(['skipped', 'pending', 'todo', 'disabled']);

const [file, flag] = process.argv.slice(2);
if (!file || (flag !== undefined && flag !== '--update-expected-skips')) {
  console.error('usage: node tools/scripts/test-summary.mjs <vitest-report.json> [--update-expected-skips]');
  process.exit(2);
}
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.error(`test-summary: cannot read ${file}: ${err.message}`);
  process.exit(1);
}
const files = report.testResults ?? [];
const relPath = (name) => (isAbsolute(name) ? relative(ROOT, name) : name).split('\\').join('/');

/** `{ "<file>": ["<full test name>", ...] }` of every skipped test in the report, sorted. */
function skippedByFile() {
  const out = {};
  for (const f of files) {
    const names = (f.assertionResults ?? []).filter((a) => SKIPPED.has(a.status)).map((a) => a.fullName ?? a.title);
    if (names.length) out[relPath(f.name)] = names.sort();
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const countOf = (byFile) => Object.values(byFile).reduce((n, names) => n + names.length, 0);

if (flag === '--update-expected-skips') {
  const tests = skippedByFile();
  const doc = {
    note: 'Every test the full run skips, by file. test-summary.mjs fails when the run differs. Regenerate after a deliberate change: pnpm test, then node tools/scripts/test-summary.mjs .netx-test/vitest.json --update-expected-skips',
    count: countOf(tests),
    tests,
  };
  writeFileSync(EXPECTED_FILE, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`test-summary: wrote ${relative(ROOT, EXPECTED_FILE)} (${doc.count} skipped tests).`);
  process.exit(0);
}

/** Differences between the run's skips and the checked-in list, for the files this run covered. */
function skipDifferences() {
  if (!existsSync(EXPECTED_FILE)) return [`${relative(ROOT, EXPECTED_FILE)} is missing`];
  const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')).tests ?? {};
  const actual = skippedByFile();
  const ran = new Set(files.map((f) => relPath(f.name)));
  const problems = [];
  let expectedHere = 0;
  for (const [path, names] of Object.entries(expected)) {
    // A filtered run (`pnpm test -- --project x`) leaves files out; a deleted file is stale.
    if (!ran.has(path)) {
      if (!existsSync(join(ROOT, path))) problems.push(`${path}: listed, but the file no longer exists`);
      continue;
    }
    expectedHere += names.length;
    const now = new Set(actual[path] ?? []);
    for (const n of names) if (!now.has(n)) problems.push(`${path}: no longer skipped: ${n}`);
  }
  for (const [path, names] of Object.entries(actual)) {
    const before = new Set(expected[path] ?? []);
    for (const n of names) if (!before.has(n)) problems.push(`${path}: newly skipped: ${n}`);
  }
  const actualCount = countOf(actual);
  if (actualCount !== expectedHere) problems.unshift(`${actualCount} tests skipped where the list expects ${expectedHere} for the files this run covered`);
  return problems;
}

const passed = report.numPassedTests ?? 0;
// A file can fail with no failed test in it (an import error, an empty suite): count those too.
const brokenFiles = files.filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
const failed = (report.numFailedTests ?? 0) + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`netx: ${passed} passed, ${failed} failed, ${skipped} skipped`);
let status = failed > 0 ? 1 : 0;
if (passed === 0) {
  console.error('test-summary: no test ran; that is a failure.');
  status = 1;
}
const differences = skipDifferences();
if (differences.length) {
  console.error(
    `test-summary: the skipped tests differ from ${relative(ROOT, EXPECTED_FILE)} (${differences.length} difference(s)); a skip must not hide a failure:\n  - ${differences.join('\n  - ')}\n` +
      'If the change is deliberate (a capability or a skip reason changed on purpose), run the full suite and update the list with:\n' +
      '  node tools/scripts/test-summary.mjs .netx-test/vitest.json --update-expected-skips\nthen commit the file with the change.',
  );
  status = 1;
}
process.exit(status);

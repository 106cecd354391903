#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, typechecks
# every package, runs every vitest project once, and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/scripts/bootstrap.sh --system

pnpm exec turbo run typecheck lint --output-logs=errors-only
node tools/scripts/check-release-plan.mjs

mkdir -p .netx-test
set +e
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.netx-test/vitest.json "$@"
status=$?
set -e
node tools/scripts/test-summary.mjs .netx-test/vitest.json || status=1
exit "$status"

#!/usr/bin/env bash
# npm test: make sure a Docker engine and the run-time images are there, then run every test with vitest,
# and the database-backed ones a second time on PostgreSQL. Prints a closing line "N passed, N failed"
# read from both JSON reports (both runs counted), so an empty run is visible.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-docker.sh
bash scripts/make-local-images.sh
command -v git >/dev/null || { echo "git is needed by the tests (apt-get install -y git)" >&2; exit 1; }
# The dashboard's browser tests drive Debian's Chromium; install it when we can, else they are skipped.
if ! command -v chromium >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing chromium for the browser tests" >&2
  (apt-get -q update && DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends \
    chromium fonts-dejavu-core) >/dev/null || echo "could not install chromium: browser tests will be skipped" >&2
fi

mkdir -p test-results
rm -f test-results/vitest.json test-results/vitest-postgres.json
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
reports=(test-results/vitest.json)

# The database-backed tests again on PostgreSQL (issue 16; vitest.config.ts says which): a loopback server
# from scripts/ensure-postgres.sh unless LAUNCHPAD_TEST_POSTGRES_URL names one. LAUNCHPAD_TEST_POSTGRES=0
# skips this pass (a quick local run); CI never sets it.
if [ "${LAUNCHPAD_TEST_POSTGRES:-1}" != 0 ]; then
  echo
  echo "=== the database-backed tests on PostgreSQL"
  if [ -z "${LAUNCHPAD_TEST_POSTGRES_URL:-}" ]; then
    LAUNCHPAD_TEST_POSTGRES_URL="$(bash scripts/ensure-postgres.sh | tail -n 1)"
    export LAUNCHPAD_TEST_POSTGRES_URL
  fi
  # --passWithNoTests: a file filter ("$@") may name only pure unit tests, which this pass does not run.
  LAUNCHPAD_TEST_DATABASE=postgres npx vitest run --passWithNoTests --reporter=default --reporter=json \
    --outputFile.json=test-results/vitest-postgres.json "$@" || status=$?
  reports+=(test-results/vitest-postgres.json)
fi
node scripts/summarize-tests.mjs "${reports[@]}" || status=1
exit "$status"

#!/usr/bin/env bash
# npm test: make sure a Docker engine and the run-time images are there, then run every test with vitest.
# Prints a closing line "N passed, N failed" read from vitest's JSON report, so an empty run is visible.
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
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node scripts/summarize-tests.mjs test-results/vitest.json || status=1
exit "$status"

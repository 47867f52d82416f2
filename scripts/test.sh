#!/usr/bin/env bash
# npm test: make sure a Docker engine and the run-time images are there, then run every test with vitest.
# Prints a closing line "N passed, N failed" read from vitest's JSON report, so an empty run is visible.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-docker.sh
bash scripts/make-local-images.sh
command -v git >/dev/null || { echo "git is needed by the tests (apt-get install -y git)" >&2; exit 1; }

mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node scripts/summarize-tests.mjs test-results/vitest.json || status=1
exit "$status"

#!/usr/bin/env bash
# npm run bench: benchmarks against the real engine, each printing medians and side-by-side ratios.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-docker.sh
bash scripts/make-local-images.sh
for bench in bench/*.ts; do
  echo "== $bench"
  node --import tsx "$bench"
done

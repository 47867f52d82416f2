#!/usr/bin/env bash
# build-server.sh - compile the control plane to JavaScript (server/dist, what `npm start` and the image run)
# when it is missing or a source is newer. A clean build, so a deleted or renamed source leaves no stale
# module behind. Idempotent: an up-to-date build returns at once.
set -Eeuo pipefail
cd "$(dirname "$0")/.."
if [ -f server/dist/main.js ] && [ -z "$(find server/src server/tsconfig.build.json tsconfig.json \
  -newer server/dist/main.js -print -quit 2>/dev/null)" ]; then
  exit 0
fi
echo "Building the control plane (server/dist)..." >&2
rm -rf server/dist
npm run build -w server

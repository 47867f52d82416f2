#!/usr/bin/env bash
# npm start: run Launchpad (control plane + dashboard) on SQLite and the local Docker engine. Sets up what
# it can (npm dependencies, dockerd, run-time images, the dashboard build) and names what it cannot.
set -Eeuo pipefail
cd "$(dirname "$0")/.."

need() { printf 'Launchpad cannot start: %s\n' "$*" >&2; exit 1; }

node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || need "Node.js 20.19 or newer is required (found $(node -v))"
command -v git >/dev/null || need "git is required (apt-get install -y git)"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing npm dependencies (npm ci)..."
  npm ci --no-audit --no-fund
fi

bash scripts/ensure-docker.sh || need "no Docker engine (see the message above)"
bash scripts/make-local-images.sh || need "the run-time images are missing and could not be built (see above)"

if [ -f web/package.json ] && { [ ! -f web/dist/index.html ] || [ -n "$(find web/src web/index.html -newer web/dist/index.html -print -quit 2>/dev/null)" ]; }; then
  echo "Building the dashboard..."
  npm run build -w web
fi

# The control plane runs as compiled JavaScript, rebuilt when a source is newer.
bash scripts/build-server.sh

# On a laptop there is no Traefik in front: publish each site on a loopback port so its link works.
export LAUNCHPAD_PUBLISH_PORTS="${LAUNCHPAD_PUBLISH_PORTS:-true}"
# As in the image: graphql-js skips its development-only checks (a cross-realm instanceof on every value it
# resolves). Set only here, after npm ci and the builds, which need the dev dependencies.
export NODE_ENV="${NODE_ENV:-production}"
exec node server/dist/main.js

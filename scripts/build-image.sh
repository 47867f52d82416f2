#!/usr/bin/env bash
# build-image.sh - build the control plane image `launchpad:local` (what docker-compose.yml runs).
#
#   scripts/build-image.sh            the multi-stage Dockerfile (needs a registry for the base image and npm)
#   scripts/build-image.sh --offline  from this checkout as installed here (npm ci done): the production
#                                     dependencies, the control plane compiled to JavaScript (a clean tsc
#                                     build into the staging dir) and the built dashboard are copied onto
#                                     the run-time base image (LAUNCHPAD_BUILD_IMAGE, default node:20-alpine,
#                                     which may be the local stand-in from make-local-images.sh). For
#                                     air-gapped hosts; the native modules must match the base image's libc
#                                     (true for the stand-in).
set -Eeuo pipefail
cd "$(dirname "$0")/.."
IMAGE="${IMAGE:-launchpad:local}"
BASE="${LAUNCHPAD_BUILD_IMAGE:-node:20-alpine}"
log() { printf '[build-image] %s\n' "$*" >&2; }

if [ "${1:-}" != "--offline" ]; then
  exec docker build -t "$IMAGE" .
fi

[ -d node_modules ] || { log "node_modules is missing: run npm ci first"; exit 1; }
[ -f web/dist/index.html ] || npm run build -w web >/dev/null
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
log "staging production files in $stage"
cp -a package.json package-lock.json .npmrc "$stage/"
mkdir -p "$stage/server" "$stage/web"
cp -a server/package.json "$stage/server/"
log "compiling the control plane"
npx tsc -p server/tsconfig.build.json --outDir "$stage/server/dist"
cp -a web/package.json web/dist "$stage/web/"
cp -a node_modules "$stage/"
(cd "$stage" && npm prune --omit=dev --offline --no-audit --no-fund >/dev/null 2>&1)
cat >"$stage/Dockerfile" <<DOCKERFILE
FROM $BASE
WORKDIR /app
COPY . /app
ENV NODE_ENV=production LAUNCHPAD_HOST=0.0.0.0
EXPOSE 8080
CMD ["node", "server/dist/main.js"]
DOCKERFILE
log "building $IMAGE from $BASE ($(du -sh "$stage" | cut -f1) of files)"
tar -C "$stage" -cf - . | docker build -q -t "$IMAGE" - >/dev/null
log "built $IMAGE"

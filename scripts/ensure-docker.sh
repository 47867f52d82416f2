#!/usr/bin/env bash
# ensure-docker.sh - make sure a Docker engine answers; on a machine without one, install Debian's
# docker.io and start dockerd in the background (no systemd here). Idempotent: a running engine is left
# alone and the script returns in a few milliseconds.
#
# Env: DOCKERD_LOG (default /var/log/launchpad-dockerd.log), DOCKER_INSTALL=0 to never run apt-get.
set -Eeuo pipefail

DOCKERD_LOG="${DOCKERD_LOG:-/var/log/launchpad-dockerd.log}"
log() { printf '[ensure-docker] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  [ "${DOCKER_INSTALL:-1}" = 1 ] || die "no Docker engine and DOCKER_INSTALL=0: install docker.io (or Docker Engine) and start it"
  [ "$(id -u)" = 0 ] || die "no Docker engine found; installing one needs root: sudo apt-get install -y docker.io && sudo dockerd &"
  command -v apt-get >/dev/null 2>&1 || die "no Docker engine and no apt-get: install Docker Engine for this OS and start it"
  log "installing Debian's docker.io (no engine found)"
  # Debian's package list may be stale on a fresh machine; update once, then install.
  apt-get -q update >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends docker.io >/dev/null
fi

if docker info >/dev/null 2>&1; then exit 0; fi   # the package may have started it

[ "$(id -u)" = 0 ] || die "dockerd is installed but not running, and starting it needs root (sudo dockerd &), or add yourself to the docker group"
if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then
  rm -f /var/run/docker.pid   # a stale pid file blocks dockerd from starting
fi
log "starting dockerd (log: $DOCKERD_LOG)"
# overlay2 is pinned so a broken setup fails loudly instead of falling back to the slow vfs driver.
setsid dockerd --host=unix:///var/run/docker.sock --storage-driver=overlay2 \
  >>"$DOCKERD_LOG" 2>&1 </dev/null &
for _ in $(seq 1 150); do
  docker info >/dev/null 2>&1 && { log "dockerd is ready"; exit 0; }
  sleep 0.2
done
tail -n 40 "$DOCKERD_LOG" >&2 || true
die "dockerd did not become ready within 30 s (see $DOCKERD_LOG)"

#!/usr/bin/env bash
# smoke-image.sh - start the control plane image as docker-compose.yml does (Docker socket mounted, data dir
# mounted at the same path as on the host) and wait for /healthz to answer 200 with the engine reachable.
set -Eeuo pipefail
IMAGE="${IMAGE:-launchpad:local}"
name="launchpad-smoke-$$"
data=$(mktemp -d /tmp/launchpad-smoke-XXXXXX)
network="launchpad-smoke-$$"
cleanup() {
  docker rm -f "$name" >/dev/null 2>&1 || true
  docker network rm "$network" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
docker run -d --name "$name" \
  -v /var/run/docker.sock:/var/run/docker.sock -v "$data:$data" \
  -e LAUNCHPAD_DATA="$data" -e LAUNCHPAD_NETWORK="$network" -e LAUNCHPAD_PORT=8080 \
  -p 127.0.0.1::8080 "$IMAGE" >/dev/null
port=$(docker port "$name" 8080/tcp | head -n 1 | sed 's/.*://')
for _ in $(seq 1 60); do
  body=$(node -e 'fetch(process.argv[1]).then(r=>r.text()).then(t=>console.log(t),()=>{})' \
    "http://127.0.0.1:$port/healthz" 2>/dev/null || true)
  if [ "$body" = '{"ok":true,"docker":true}' ]; then
    echo "[smoke-image] $IMAGE answers /healthz: $body"
    exit 0
  fi
  sleep 0.5
done
docker logs "$name" >&2 || true
echo "[smoke-image] $IMAGE did not become healthy" >&2
exit 1

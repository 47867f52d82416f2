#!/usr/bin/env bash
# Makes sure a PostgreSQL server for the tests runs on loopback, and prints its admin URL
# (postgres://launchpad@127.0.0.1:<port>/postgres) as the last line of stdout. Used by scripts/test.sh and
# by hand: `export LAUNCHPAD_TEST_POSTGRES_URL=$(bash scripts/ensure-postgres.sh)`.
#
# The cluster lives in $LAUNCHPAD_PG_DIR (default /tmp/launchpad-test-pg), trusts loopback connections and
# is reused while it runs. PostgreSQL refuses to run as root, so root runs it as the `postgres` user
# (made here when missing). Debian's postgresql package is installed when no server binary is found.
set -Eeuo pipefail

dir="${LAUNCHPAD_PG_DIR:-/tmp/launchpad-test-pg}"
log() { echo "ensure-postgres: $*" >&2; }

find_bin() {
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/pg_ctl" ] && { echo "$candidate"; return; }
  done
  command -v pg_ctl >/dev/null && dirname "$(command -v pg_ctl)"
}

bin="$(find_bin || true)"
if [ -z "$bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  log "installing Debian's postgresql"
  (apt-get -q update && DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends \
    postgresql) >/dev/null
  bin="$(find_bin || true)"
fi
[ -n "$bin" ] || { log "no PostgreSQL server found (apt-get install postgresql)"; exit 1; }

# as_owner CMD...: runs CMD as the cluster's owner (never root).
if [ "$(id -u)" = 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  fi
  as_owner() { runuser -u postgres -- "$@"; }
  owner=postgres
else
  as_owner() { "$@"; }
  owner="$(id -un)"
fi

url_of() { echo "postgres://launchpad@127.0.0.1:$1/postgres"; }

if [ -f "$dir/port" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  url_of "$(cat "$dir/port")"
  exit 0
fi

mkdir -p "$dir"
chown "$owner" "$dir"
chmod 700 "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_owner "$bin/initdb" -D "$dir/data" -A trust -U launchpad --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi

# A free loopback port, chosen by the kernel.
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
# fsync off: a test cluster's data is disposable, and the tests make many small commits.
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
echo "$port" >"$dir/port"
log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir/data)"
url_of "$port"

#!/usr/bin/env bash
# make-local-images.sh - make Launchpad's run-time images available on a host without a container
# registry (air-gapped installs, this project's CI). For each image:
#   present (pulled or built before)  -> nothing to do (a real upstream image is never replaced)
#   missing                           -> `docker pull`; when that fails (no registry), build a local stand-in
#                                        from Debian packages and tag it under the upstream name
#
#   $STATIC_IMAGE (default nginx:alpine)    stand-in: real nginx from Debian's .deb (apt-get download, not
#       installed on the host) + its shared libraries + busybox-static, laid out like upstream nginx:alpine
#       (/etc/nginx/conf.d/*.conf included, serves /usr/share/nginx/html on :80, logs to stdout/stderr,
#       workers as uid 101, CMD ["nginx","-g","daemon off;"]).
#   $BUILD_IMAGE  (default node:20-alpine)  stand-in: the host's Node.js 20, npm, corepack, git, busybox sh,
#       the full core C/C++ runtime libraries and the host CA bundle (NODE_EXTRA_CA_CERTS).
#   $PYTHON_IMAGE (default python:3.12-alpine)  runtime of Python server apps; stand-in: Debian's CPython
#       (python3.X-minimal + libpython3.X-stdlib .debs, the release Debian ships: 3.11 on bookworm, so the
#       tag promises more than the stand-in holds) + the shared libraries of its extension modules (a module
#       whose library the host lacks is left out) + busybox-static; CMD ["python3"].
#
# Stand-ins carry the labels dev.launchpad.stand-in=true and dev.launchpad.recipe=<hash>; a stand-in built
# by an older recipe is rebuilt. Adapted from the measured recipe in the project's shared notes.
# Needs root (or the docker group), docker, apt-get, dpkg-deb, ldd, tar, a host Node.js 20 and git.
#
# Env knobs: STATIC_IMAGE BUILD_IMAGE PYTHON_IMAGE NODE_MAJOR FORCE=1 NO_PULL=1 BASE WORK CACHE SKIP_SMOKE=1
#            ONLY="static build python" (which images to make; default all three)
set -Eeuo pipefail

STATIC_IMAGE="${STATIC_IMAGE:-nginx:alpine}"
BUILD_IMAGE="${BUILD_IMAGE:-node:20-alpine}"
PYTHON_IMAGE="${PYTHON_IMAGE:-python:3.12-alpine}"
PYTHON_DEB="${PYTHON_DEB:-python3.11}"   # Debian's CPython package name (bookworm: python3.11)
ONLY="${ONLY:-static build python}"
NODE_MAJOR="${NODE_MAJOR:-20}"
BASE="${BASE:-${XDG_CACHE_HOME:-$HOME/.cache}/launchpad-images}"
WORK="${WORK:-$BASE/work}"          # scratch rootfs trees (deleted after import)
CACHE="${CACHE:-$BASE/cache}"       # downloaded .debs (reused by later runs; may be persisted by CI)
FORCE="${FORCE:-0}"
NO_PULL="${NO_PULL:-0}"
SKIP_SMOKE="${SKIP_SMOKE:-0}"
HOST_NODE=/usr/bin/node
HOST_NODE_MODULES=/usr/lib/node_modules

log() { printf '[images] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
trap 'rc=$?; log "FAILED (exit $rc) at line $LINENO: $BASH_COMMAND"; exit $rc' ERR
now_ms() { date +%s%3N; }
T_START=$(now_ms)
step() { # step LABEL cmd...   -> runs cmd and prints its wall time
  local label=$1 t; shift; t=$(now_ms)
  "$@"
  log "  $(printf '%-34s' "$label") $(( $(now_ms) - t )) ms"
}

# ---------------------------------------------------------------- docker daemon
ensure_docker() { bash "$(dirname "$0")/ensure-docker.sh"; }

# ---------------------------------------------------------------- helpers
# image_current IMAGE HASH -> 0 if IMAGE exists with label dev.launchpad.recipe=HASH
image_current() {
  local have
  have=$(docker image inspect -f '{{index .Config.Labels "dev.launchpad.recipe"}}' "$1" 2>/dev/null) || return 1
  [ "$have" = "$2" ]
}

# is_upstream IMAGE -> 0 if IMAGE exists and is not one of our stand-ins (pulled or loaded by the operator)
is_upstream() {
  local mark
  mark=$(docker image inspect -f '{{index .Config.Labels "dev.launchpad.stand-in"}}' "$1" 2>/dev/null) || return 1
  [ "$mark" != true ]
}

# try_pull IMAGE -> 0 if the registry gave us the real image (fails at once where there is no registry)
try_pull() {
  [ "$NO_PULL" = 1 ] && return 1
  if docker pull -q "$1" >/dev/null 2>&1; then log "pulled $1"; return 0; fi
  log "cannot pull $1 (no registry reachable): building a local stand-in"
  return 1
}

# fetch_debs PKG... -> downloads (once) Debian packages into $CACHE/debs; sets DEBS=(paths, same order)
fetch_debs() {
  local dir="$CACHE/debs" p missing=() f
  mkdir -p "$dir"
  for p in "$@"; do
    compgen -G "$dir/${p}_*.deb" >/dev/null || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if ! (cd "$dir" && apt-get -q -o APT::Sandbox::User=root download "${missing[@]}" >/dev/null); then
      log "apt-get download failed; running apt-get update and retrying"
      apt-get -q update >/dev/null
      (cd "$dir" && apt-get -q -o APT::Sandbox::User=root download "${missing[@]}" >/dev/null) \
        || die "apt-get download ${missing[*]} failed"
    fi
  fi
  DEBS=()
  for p in "$@"; do
    f=$(ls -1v "$dir/${p}"_*.deb 2>/dev/null | tail -n 1)
    [ -n "$f" ] || die "no .deb for $p in $dir"
    DEBS+=("$f")
  done
}

# new_root DIR -> empty merged-/usr root skeleton
new_root() {
  local r=$1 d
  rm -rf "$r"
  mkdir -p "$r"/usr/{bin,sbin,lib,lib64,local/bin,share} "$r"/{etc,root,tmp,proc,sys,dev,run,var/tmp,var/log}
  for d in bin sbin lib lib64; do ln -s "usr/$d" "$r/$d"; done
  ln -s /run "$r/var/run"
  chmod 1777 "$r/tmp" "$r/var/tmp"; chmod 700 "$r/root"
}

# copy_libs ROOT FILE... -> copies the shared-library closure (ldd) of FILE... into ROOT; dies on "not found"
copy_libs() {
  local root=$1 out lib; shift
  out=$(ldd "$@" 2>/dev/null || true)          # non-ELF files just print "not a dynamic executable"
  if grep -q 'not found' <<<"$out"; then
    die "unresolved shared libraries: $(grep 'not found' <<<"$out" | sort -u | tr -s ' \t\n' ' ')"
  fi
  while read -r lib; do
    [ -e "$root$lib" ] && continue
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done < <(grep -oE '/[^ ]+\.so[^ ]*' <<<"$out" | sort -u)
}

# install_busybox ROOT BUSYBOX_DEB -> static busybox + applet symlinks (sh, wget, ls, ...) where free
install_busybox() {
  local root=$1 x="$WORK/busybox-x" a n
  rm -rf "$x"; dpkg-deb -x "$2" "$x"
  install -m 755 "$x/bin/busybox" "$root/usr/bin/busybox"
  for a in $("$root/usr/bin/busybox" --list-full); do
    n=${a##*/}
    case "$n" in busybox|linuxrc) continue ;; esac
    [ -e "$root/$a" ] || [ -e "$root/usr/bin/$n" ] || [ -e "$root/usr/sbin/$n" ] || ln -s /bin/busybox "$root/$a"
  done
  rm -rf "$x"
}

import_root() { # import_root ROOT IMAGE HASH change...
  local root=$1 image=$2 hash=$3 args=() c old new; shift 3
  for c in "$@" "LABEL dev.launchpad.recipe=$hash" "LABEL dev.launchpad.stand-in=true"; do args+=(-c "$c"); done
  old=$(docker image inspect -f '{{.Id}} {{index .Config.Labels "dev.launchpad.stand-in"}}' "$image" 2>/dev/null || true)
  new=$(tar -C "$root" --numeric-owner -cf - . | docker import "${args[@]}" - "$image")
  # drop the stand-in this build replaced (only ours, only if nothing uses it any more)
  if [ "${old#* }" = true ] && [ "${old%% *}" != "$new" ]; then docker rmi "${old%% *}" >/dev/null 2>&1 || true; fi
}

# ---------------------------------------------------------------- static web server image
build_static() {
  local W="$WORK/nginx" R="$WORK/nginx/rootfs" debs
  fetch_debs nginx nginx-common busybox-static; debs=("${DEBS[@]}")
  new_root "$R"
  mkdir -p "$W/x" "$R"/etc/nginx/conf.d "$R"/usr/share/nginx/html "$R"/var/log/nginx \
           "$R"/var/lib/nginx "$R"/var/cache/nginx
  dpkg-deb -x "${debs[0]}" "$W/x"; dpkg-deb -x "${debs[1]}" "$W/x"
  install -m 755 "$W/x/usr/sbin/nginx" "$R/usr/sbin/nginx"
  cp "$W/x/etc/nginx/mime.types" "$R/etc/nginx/mime.types"
  install_busybox "$R" "${debs[2]}"
  copy_libs "$R" "$R/usr/sbin/nginx"
  printf 'root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$R/etc/passwd"
  printf 'root:x:0:\nnginx:x:101:\nnogroup:x:65534:\n' >"$R/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$R/etc/nsswitch.conf"
  cat >"$R/etc/nginx/nginx.conf" <<'CONF'
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;

events {
    worker_connections  1024;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    keepalive_timeout  65;

    include /etc/nginx/conf.d/*.conf;
}
CONF
  cat >"$R/etc/nginx/conf.d/default.conf" <<'CONF'
server {
    listen       80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }
}
CONF
  printf '<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head>\n<body><h1>Welcome to nginx!</h1><p>Launchpad stand-in for nginx:alpine</p></body></html>\n' \
    >"$R/usr/share/nginx/html/index.html"
  printf '<!DOCTYPE html>\n<html><head><title>Error</title></head><body><h1>An error occurred.</h1></body></html>\n' \
    >"$R/usr/share/nginx/html/50x.html"
  ln -sf /dev/stdout "$R/var/log/nginx/access.log"
  ln -sf /dev/stderr "$R/var/log/nginx/error.log"
  chown 101:101 "$R/var/cache/nginx" "$R/var/lib/nginx"
  import_root "$R" "$STATIC_IMAGE" "$STATIC_HASH" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'EXPOSE 80' \
    'CMD ["nginx", "-g", "daemon off;"]'
  rm -rf "$W"
}

# ---------------------------------------------------------------- build image
build_node() {
  local W="$WORK/node" R="$WORK/node/rootfs" debs s f libs
  fetch_debs busybox-static; debs=("${DEBS[@]}")
  new_root "$R"
  mkdir -p "$R"/usr/lib/node_modules "$R"/usr/lib/git-core "$R"/etc/ssl/certs "$R"/home/node
  cp -a "$HOST_NODE" "$R/usr/bin/node"
  cp -a "$HOST_NODE_MODULES/npm" "$R/usr/lib/node_modules/"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$R/usr/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$R/usr/bin/npx"
  if [ -d "$HOST_NODE_MODULES/corepack" ]; then
    cp -a "$HOST_NODE_MODULES/corepack" "$R/usr/lib/node_modules/"
    for s in corepack yarn yarnpkg pnpm pnpx; do
      ln -s "../lib/node_modules/corepack/dist/$s.js" "$R/usr/bin/$s"
    done
  fi
  cp -a /usr/bin/git "$R/usr/bin/git"
  cp -a /usr/lib/git-core/. "$R/usr/lib/git-core/"
  [ -d /usr/share/git-core ] && cp -a /usr/share/git-core "$R/usr/share/"
  install_busybox "$R" "${debs[0]}"
  # full core runtime libraries (prebuilt native addons link against librt, libdl, libstdc++, ...)
  libs=$(dpkg -L libc6 libstdc++6 libgcc-s1 zlib1g) || die "dpkg -L libc6 libstdc++6 libgcc-s1 zlib1g failed"
  for f in $(grep -E '^/(usr/)?lib(64)?/.*\.so[^/]*$' <<<"$libs"); do
    [ -f "$f" ] || continue
    mkdir -p "$R$(dirname "$f")"; cp -aL "$f" "$R$f"
  done
  copy_libs "$R" "$R/usr/bin/node" "$R/usr/bin/git" $(find "$R/usr/lib/git-core" -type f -perm -u+x)
  cp -L /etc/ssl/certs/ca-certificates.crt "$R/etc/ssl/certs/ca-certificates.crt"
  printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:Linux User,,,:/home/node:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$R/etc/passwd"
  printf 'root:x:0:\nnode:x:1000:\nnogroup:x:65534:\n' >"$R/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$R/etc/nsswitch.conf"
  chown 1000:1000 "$R/home/node"
  cat >"$R/usr/local/bin/docker-entrypoint.sh" <<'SH'
#!/bin/sh
set -e
# Same logic as the official node image: run node if the first argument is a flag, not a command,
# or a non-executable file.
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
SH
  chmod 755 "$R/usr/local/bin/docker-entrypoint.sh"
  import_root "$R" "$BUILD_IMAGE" "$BUILD_HASH" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "ENV NODE_VERSION=${NODE_VERSION#v}" \
    'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
    'ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0' \
    'ENV COREPACK_DEFAULT_TO_LATEST=0' \
    'ENTRYPOINT ["docker-entrypoint.sh"]' \
    'CMD ["node"]'
  rm -rf "$W"
}

# ---------------------------------------------------------------- python runtime image
build_python() {
  local W="$WORK/python" R="$WORK/python/rootfs" debs d so out ver
  ver=${PYTHON_DEB#python}
  fetch_debs "${PYTHON_DEB}-minimal" "lib${PYTHON_DEB}-minimal" "lib${PYTHON_DEB}-stdlib" busybox-static
  debs=("${DEBS[@]}")
  new_root "$R"
  mkdir -p "$W/x" "$R/etc/ssl/certs"
  for d in "${debs[@]:0:3}"; do dpkg-deb -x "$d" "$W/x"; done
  install -m 755 "$W/x/usr/bin/$PYTHON_DEB" "$R/usr/bin/$PYTHON_DEB"
  cp -a "$W/x/usr/lib/$PYTHON_DEB" "$R/usr/lib/"
  ln -s "$PYTHON_DEB" "$R/usr/bin/python3"; ln -s "$PYTHON_DEB" "$R/usr/bin/python"
  install_busybox "$R" "${debs[3]}"
  copy_libs "$R" "$R/usr/bin/$PYTHON_DEB"
  # Extension modules: their libraries come along; one whose library this host lacks is left out
  # (import fails for that module only, as on a Python built without it).
  for so in "$R/usr/lib/$PYTHON_DEB/lib-dynload/"*.so; do
    out=$(ldd "$so" 2>/dev/null || true)
    if grep -q 'not found' <<<"$out"; then log "  leaving out ${so##*/} (library not on this host)"; rm -f "$so"; continue; fi
    grep -q '=> /' <<<"$out" && copy_libs "$R" "$so"
  done
  cp -L /etc/ssl/certs/ca-certificates.crt "$R/etc/ssl/certs/ca-certificates.crt"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$R/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$R/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$R/etc/nsswitch.conf"
  import_root "$R" "$PYTHON_IMAGE" "$PYTHON_HASH" \
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    'ENV LANG=C.UTF-8' \
    'ENV PYTHONUNBUFFERED=1' \
    'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
    "ENV PYTHON_VERSION=$ver" \
    'CMD ["python3"]'
  rm -rf "$W"
}

smoke_python() {
  local out
  out=$(docker run --rm --network none --user 1000:1000 "$PYTHON_IMAGE" \
    python3 -c 'import http.server, json, ssl, sys; print(sys.version.split()[0])' 2>&1) \
    || die "smoke test failed for $PYTHON_IMAGE: $out"
  log "  $PYTHON_IMAGE: python $out"
}

smoke_static() {
  docker run --rm --network none "$STATIC_IMAGE" nginx -t >/dev/null 2>&1 \
    || { docker run --rm --network none "$STATIC_IMAGE" nginx -t || true; die "smoke test failed: $STATIC_IMAGE nginx -t"; }
}
smoke_node() {
  local out
  out=$(docker run --rm --network none "$BUILD_IMAGE" sh -c 'node -v && npm -v && git --version' 2>&1) \
    || die "smoke test failed for $BUILD_IMAGE: $out"
  case "$out" in "v$NODE_MAJOR."*) ;; *) die "unexpected node version in $BUILD_IMAGE: $out" ;; esac
  log "  $BUILD_IMAGE: $(echo "$out" | tr '\n' ' ')"
}

# ---------------------------------------------------------------- main
mkdir -p "$WORK" "$CACHE"
step "docker daemon ready" ensure_docker

[ -x "$HOST_NODE" ] || die "host Node.js not found at $HOST_NODE (needed for $BUILD_IMAGE)"
NODE_VERSION=$("$HOST_NODE" -v)
case "$NODE_VERSION" in "v$NODE_MAJOR."*) ;; *) die "host node is $NODE_VERSION, need v$NODE_MAJOR.x" ;; esac
[ -f "$HOST_NODE_MODULES/npm/bin/npm-cli.js" ] || die "npm not found under $HOST_NODE_MODULES/npm"
command -v git >/dev/null && [ -d /usr/lib/git-core ] || die "host git not found (apt-get install -y git)"
[ -s /etc/ssl/certs/ca-certificates.crt ] || die "missing /etc/ssl/certs/ca-certificates.crt"
for t in apt-get dpkg-deb ldd tar; do command -v "$t" >/dev/null || die "$t not found"; done

SELF_HASH=$(sha256sum "$0" | cut -c1-16)
STATIC_HASH="$SELF_HASH"
NPM_VERSION=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$HOST_NODE_MODULES/npm/package.json" | head -n 1)
BUILD_HASH=$(printf '%s %s %s %s' "$SELF_HASH" "$NODE_VERSION" "$NPM_VERSION" "$(git --version)" | sha256sum | cut -c1-16)

ensure_image() { # ensure_image IMAGE HASH BUILD_FN SMOKE_FN
  local image=$1 hash=$2 build=$3 smoke=$4
  if [ "$FORCE" != 1 ]; then
    if is_upstream "$image"; then log "$image present (not a stand-in), keeping it"; return 0; fi
    if image_current "$image" "$hash"; then log "$image stand-in up to date (recipe $hash)"; return 0; fi
    if ! docker image inspect "$image" >/dev/null 2>&1 && try_pull "$image"; then return 0; fi
  fi
  step "build $image" "$build"
  [ "$SKIP_SMOKE" = 1 ] || step "smoke $image" "$smoke"
}
PYTHON_HASH="$SELF_HASH"
MADE=()
case " $ONLY " in *" static "*) ensure_image "$STATIC_IMAGE" "$STATIC_HASH" build_static smoke_static; MADE+=("$STATIC_IMAGE") ;; esac
case " $ONLY " in *" build "*) ensure_image "$BUILD_IMAGE" "$BUILD_HASH" build_node smoke_node; MADE+=("$BUILD_IMAGE") ;; esac
case " $ONLY " in *" python "*) ensure_image "$PYTHON_IMAGE" "$PYTHON_HASH" build_python smoke_python; MADE+=("$PYTHON_IMAGE") ;; esac
for img in "${MADE[@]}"; do
  log "  $img  $(docker image inspect -f '{{.Id}} {{.Size}}' "$img" | awk '{printf "%s  %.1f MB", substr($1,8,12), $2/1e6}')"
done
log "total $(( $(now_ms) - T_START )) ms"

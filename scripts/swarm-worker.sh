#!/usr/bin/env bash
# swarm-worker.sh - a second Docker engine on this machine, in its own network namespace, to join a swarm
# as a worker (issue 16, acceptance 4). It stands in for a second machine: its own network stack (a veth
# pair to the host), its own data root, exec root, containerd and socket. Needs root.
#
#   scripts/swarm-worker.sh start [registry-port]   start the engine; prints the variables below
#   scripts/swarm-worker.sh stop                    leave the swarm, stop the engine, remove everything
#
# The host side of the veth is HOST_ADDR, the namespace side WORKER_ADDR; a manager that should reach
# the worker must advertise HOST_ADDR (`docker swarm init --advertise-addr HOST_ADDR`).
# With a registry port, 127.0.0.1:<port> in the namespace leads to 127.0.0.1:<port> on the host (DNAT on
# both sides), so an image named after a loopback registry (plain HTTP, which Docker allows for loopback)
# is pulled by the worker from the same registry the manager pushed to.
#
# Env: WORKER_NAME (default lpworker; names the netns, the veth and the dirs), WORKER_NET (default
# 10.231.0; HOST_ADDR is .1, WORKER_ADDR .2 of a /30).
set -Eeuo pipefail

NAME="${WORKER_NAME:-lpworker}"
NET="${WORKER_NET:-10.231.0}"
HOST_ADDR="$NET.1"
WORKER_ADDR="$NET.2"
HOST_IF="$NAME-h"
NS_IF="$NAME-n"
RUN="/run/launchpad-$NAME"
DATA="/var/lib/launchpad-$NAME"
SOCK="$RUN/docker.sock"
LOG="$RUN/dockerd.log"
log() { printf '[swarm-worker] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
in_ns() { ip netns exec "$NAME" "$@"; }
wd() { docker -H "unix://$SOCK" "$@"; }

start() {
  local registry_port="${1:-}"
  [ "$(id -u)" = 0 ] || die "needs root (network namespace, second dockerd)"
  command -v dockerd >/dev/null || die "dockerd is not installed"
  [ -d /sys/module/vxlan ] || die "the kernel has no vxlan module loaded: overlay networks cannot span engines"
  ip netns list | grep -qx "$NAME\( .*\)\?" && die "netns $NAME exists already (scripts/swarm-worker.sh stop)"
  mkdir -p "$RUN" "$DATA"
  ip netns add "$NAME"
  ip link add "$HOST_IF" type veth peer name "$NS_IF"
  ip link set "$NS_IF" netns "$NAME"
  ip addr add "$HOST_ADDR/30" dev "$HOST_IF"
  ip link set "$HOST_IF" up
  in_ns ip link set lo up
  in_ns ip addr add "$WORKER_ADDR/30" dev "$NS_IF"
  in_ns ip link set "$NS_IF" up
  in_ns ip route add default via "$HOST_ADDR"
  if [ -n "$registry_port" ]; then
    # Namespace: 127.0.0.1:<port> -> HOST_ADDR:<port>, with the loopback source rewritten.
    in_ns sysctl -qw net.ipv4.conf.all.route_localnet=1
    in_ns iptables -t nat -A OUTPUT -d 127.0.0.1 -p tcp --dport "$registry_port" \
      -j DNAT --to-destination "$HOST_ADDR:$registry_port"
    in_ns iptables -t nat -A POSTROUTING -o "$NS_IF" -s 127.0.0.1 -j MASQUERADE
    # Host: what arrives on the veth for HOST_ADDR:<port> goes to the loopback registry.
    sysctl -qw "net.ipv4.conf.$HOST_IF.route_localnet=1"
    iptables -t nat -I PREROUTING -i "$HOST_IF" -d "$HOST_ADDR" -p tcp --dport "$registry_port" \
      -j DNAT --to-destination "127.0.0.1:$registry_port" -m comment --comment "launchpad-$NAME"
  fi
  # The engine: nothing shared with the host's but the kernel and the filesystem outside its dirs. It enters
  # the network namespace only (nsenter): `ip netns exec` would also remount /sys, hiding the cgroup
  # mounts dockerd needs ("Devices cgroup isn't mounted").
  nsenter --net="/run/netns/$NAME" setsid dockerd --host="unix://$SOCK" --data-root="$DATA" --exec-root="$RUN/exec" \
    --pidfile="$RUN/docker.pid" --storage-driver=overlay2 >>"$LOG" 2>&1 </dev/null &
  for _ in $(seq 1 150); do
    if wd info >/dev/null 2>&1; then
      printf 'WORKER_SOCKET=%s\nWORKER_ADDR=%s\nHOST_ADDR=%s\nWORKER_NETNS=%s\n' \
        "$SOCK" "$WORKER_ADDR" "$HOST_ADDR" "$NAME"
      return 0
    fi
    sleep 0.2
  done
  tail -n 30 "$LOG" >&2 || true
  die "the worker's dockerd did not answer within 30 s (see $LOG)"
}

stop() {
  [ "$(id -u)" = 0 ] || die "needs root"
  if [ -S "$SOCK" ] && wd info >/dev/null 2>&1; then
    # The worker's own engine only: its tasks go with it. The manager removes the node (`docker node rm`).
    wd swarm leave --force >/dev/null 2>&1 || true
    wd ps -aq | xargs -r docker -H "unix://$SOCK" rm -f >/dev/null 2>&1 || true
  fi
  if [ -f "$RUN/docker.pid" ]; then
    local pid
    pid="$(cat "$RUN/docker.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  # Its containerd and shims: the processes left in its network namespace (containers have their own).
  local p
  for p in $(ip netns pids "$NAME" 2>/dev/null || true); do
    kill -9 "$p" 2>/dev/null || true
  done
  # Mounts under its dirs (overlay layers, the sandboxes' netns files), deepest first.
  awk -v a="$RUN" -v b="$DATA" '$2 ~ "^"a || $2 ~ "^"b { print $2 }' /proc/self/mounts | sort -r |
    while read -r m; do umount -l "$m" 2>/dev/null || true; done
  iptables -t nat -S PREROUTING | grep -- "launchpad-$NAME" | sed 's/^-A/-D/' |
    while read -r rule; do eval "iptables -t nat $rule" || true; done
  ip netns del "$NAME" 2>/dev/null || true
  ip link del "$HOST_IF" 2>/dev/null || true
  rm -rf "$RUN" "$DATA"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  *) die "usage: $0 start [registry-port] | stop" ;;
esac

#!/usr/bin/env bash
# The lab's own Docker engine (Debian's docker.io), for the FRR container fixture and the podbgp
# image test:
#   scripts/dockerd.sh start    record the host's state, start dockerd on a private socket
#   scripts/dockerd.sh stop     remove its containers, stop it, put the host back as recorded
#   scripts/dockerd.sh status   whether it answers
# The engine keeps its images in /var/lib/podbgp-docker, so the images the lab builds are cached
# from one run to the next.
#
# It leaves the host's networking alone: no iptables rules (with them, dockerd sets the host's
# FORWARD policy to DROP, which breaks the lab's traffic routed through the host), no forwarding
# sysctl, no docker0 bridge (builds use --network host, containers start with --network none).
# stop still checks each of these against what start recorded and restores what differs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/docker-env.sh"

dir="$PODBGP_DOCKER_DIR"
data_root="${PODBGP_DOCKER_DATA:-/var/lib/podbgp-docker}"
exec_root="$dir/exec"
state="$dir/host-state"
pidfile="$dir/dockerd.pid"
log="$dir/dockerd.log"
export DOCKER_HOST="$PODBGP_DOCKER_SOCKET"

say() { echo "podbgp dockerd: $*" >&2; }

answers() { "$DOCKER" version >/dev/null 2>&1; }

forward_policy() { # iptables|ip6tables -> ACCEPT, DROP, or "none" without that tool
  if command -v "$1" >/dev/null 2>&1; then
    "$1" -S FORWARD 2>/dev/null | awk '$1 == "-P" { print $3; exit }'
  else
    echo none
  fi
}

host_state() {
  echo "forward4=$(forward_policy iptables)"
  echo "forward6=$(forward_policy ip6tables)"
  if ip link show docker0 >/dev/null 2>&1; then echo "docker0=present"; else echo "docker0=absent"; fi
  echo "ip_forward=$(cat /proc/sys/net/ipv4/ip_forward)"
}

our_mounts() {
  findmnt -rn -o TARGET | grep -E "^($data_root|$exec_root)(/|$)" | sort -r || true
}

reap_containers() {
  # Testcontainers labels what it starts; Ryuk, its own reaper, cannot run here (no registry).
  # The engine is ours alone, so anything else in it is a leftover of ours too.
  local ids
  ids="$("$DOCKER" ps -aq 2>/dev/null || true)"
  if [ -n "$ids" ]; then
    say "removing containers left over: $(echo $ids)"
    # shellcheck disable=SC2086
    "$DOCKER" rm -f $ids >/dev/null
  fi
}

start() {
  if answers; then
    say "already running on $DOCKER_HOST"
    reap_containers
    return 0
  fi
  command -v dockerd >/dev/null || { say "dockerd missing: install docker.io (scripts/install-deps.sh)"; exit 1; }
  mkdir -p "$dir" "$data_root"
  # A state file of an engine that died without stop still holds how the host was before it.
  [ -f "$state" ] || host_state > "$state"
  say "starting (log $log)"
  setsid dockerd --host "$DOCKER_HOST" --data-root "$data_root" --exec-root "$exec_root" --pidfile "$pidfile" \
    --storage-driver=overlay2 --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
    --bridge=none --userland-proxy=false >"$log" 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    answers && break
    if ! kill -0 $! 2>/dev/null; then
      say "dockerd exited:"; tail -n 20 "$log" >&2; exit 1
    fi
    sleep 0.5
  done
  answers || { say "dockerd does not answer after 30 s:"; tail -n 20 "$log" >&2; exit 1; }
  reap_containers
  check_host
}

stop() {
  if answers; then
    reap_containers
  fi
  if [ -f "$pidfile" ]; then
    local pid
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      if kill -0 "$pid" 2>/dev/null; then
        say "dockerd $pid ignored SIGTERM for 30 s; killing it"
        kill -KILL "$pid"
      fi
    fi
  fi
  # dockerd stops the containerd it started; one it could not stop would hold the mounts.
  local cpid_file="$exec_root/containerd/containerd.pid"
  if [ -f "$cpid_file" ] && kill -0 "$(cat "$cpid_file")" 2>/dev/null; then
    kill -TERM "$(cat "$cpid_file")" || true
    sleep 1
  fi
  local m
  for m in $(our_mounts); do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
  restore_host
  rm -rf --one-file-system "$exec_root"
  rm -f "$pidfile" "$dir/docker.sock" "$state"
}

restore_host() {
  [ -f "$state" ] || { say "no recorded host state (was it started by this script?)"; return 0; }
  local key value now
  while IFS='=' read -r key value; do
    case "$key" in
      forward4|forward6)
        local tool=iptables; [ "$key" = forward6 ] && tool=ip6tables
        now="$(forward_policy "$tool")"
        if [ "$now" != "$value" ] && [ "$value" != none ]; then
          say "$tool FORWARD policy is $now, was $value: restoring"
          "$tool" -P FORWARD "$value"
        fi ;;
      docker0)
        if [ "$value" = absent ] && ip link show docker0 >/dev/null 2>&1; then
          say "deleting docker0, which was not there before"
          ip link del docker0
        fi ;;
      ip_forward)
        now="$(cat /proc/sys/net/ipv4/ip_forward)"
        if [ "$now" != "$value" ]; then
          say "net.ipv4.ip_forward is $now, was $value: restoring"
          echo "$value" > /proc/sys/net/ipv4/ip_forward
        fi ;;
    esac
  done < "$state"
  check_host
}

# The host as recorded, or a loud failure: a test run must not leave the machine changed.
check_host() {
  local now leftover
  now="$(host_state)"
  if [ "$now" != "$(cat "$state")" ]; then
    say "host state differs from the recorded one:"; diff <(cat "$state") <(echo "$now") >&2 || true
    return 1
  fi
  if ! answers; then
    leftover="$(our_mounts)"
    if [ -n "$leftover" ]; then say "mounts left: $leftover"; return 1; fi
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if answers; then echo "running on $DOCKER_HOST"; else echo "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

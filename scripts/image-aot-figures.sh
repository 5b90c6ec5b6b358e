#!/usr/bin/env bash
# What the image's AOT cache buys, measured (docs/memory.md): the image scripts/image.sh built
# and its untrained twin (podbgp-untrained:..., the same image without the cache), RUNS times
# each, alternating:
#
# - `podbgp version`: wall time of `docker run --rm --network none --cap-drop ALL IMAGE version`;
# - the daemon: deploy/aot-training/trainee.yaml in a container sharing the network namespace of
#   a peer container (peer.yaml, always the untrained image), time from `docker run` to the
#   daemon's event=established log line, then its RSS (/proc/PID/status) SETTLE seconds later.
#
# Usage: scripts/image-aot-figures.sh [RUNS [SETTLE]] (default 3 runs, 30 s). Needs root (reads
# /proc of the containers' processes) and a built image (scripts/image.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/docker-env.sh"
runs="${1:-3}"
settle="${2:-30}"
image="$("$root/scripts/image.sh")"
untrained="podbgp-untrained:$("$DOCKER" image inspect -f '{{index .Config.Labels "org.opencontainers.image.version"}}-{{index .Config.Labels "dev.podbgp.content"}}' "$image")"
podbgp_have_image "$untrained" || { echo "no $untrained: run scripts/image.sh" >&2; exit 1; }
peer="podbgp-aot-figures-peer-$$"
daemon="podbgp-aot-figures-daemon-$$"
cleanup() { "$DOCKER" rm -f "$daemon" "$peer" >/dev/null 2>&1 || true; }
trap cleanup EXIT

now_ms() { date +%s%3N; }

version_ms() {
  local t0
  t0="$(now_ms)"
  "$DOCKER" run --rm --network none --cap-drop ALL "$1" version >/dev/null 2>&1
  echo $(($(now_ms) - t0))
}

# Prints "<ms to Established> <VmRSS> <RssAnon> <RssFile>" (kB) for a daemon of image $1.
daemon_figures() {
  local t0 line ts pid status
  "$DOCKER" create --name "$peer" --network none --sysctl net.ipv4.ip_forward=1 \
    --cap-drop ALL --cap-add NET_ADMIN --cap-add NET_RAW --cap-add NET_BIND_SERVICE \
    "$untrained" run --config /etc/podbgp/peer.yaml >/dev/null 2> >(grep -v 'IPv4 forwarding is disabled' >&2)
  "$DOCKER" cp "$root/deploy/aot-training/peer.yaml" "$peer:/etc/podbgp/peer.yaml"
  "$DOCKER" start "$peer" >/dev/null
  "$DOCKER" exec -u 0 "$peer" sh -c 'ip link add aot0 type veth peer name aot1 &&
    ip addr add 192.0.2.1/24 dev aot0 && ip link set aot0 up && ip link set aot1 up'
  until "$DOCKER" exec "$peer" podbgp show neighbors --socket /tmp/peer/control.sock >/dev/null 2>&1; do sleep 0.5; done
  "$DOCKER" create --name "$daemon" --network "container:$peer" \
    --cap-drop ALL --cap-add NET_ADMIN --cap-add NET_RAW --cap-add NET_BIND_SERVICE \
    "$1" run --config /etc/podbgp/podbgp.yaml >/dev/null
  "$DOCKER" cp "$root/deploy/aot-training/trainee.yaml" "$daemon:/etc/podbgp/podbgp.yaml"
  t0="$(now_ms)"
  "$DOCKER" start "$daemon" >/dev/null
  for _ in $(seq 1 1200); do
    line="$("$DOCKER" logs "$daemon" 2>&1 | grep -m1 'event=established' || true)"
    [[ -n "$line" ]] && break
    sleep 0.1
  done
  [[ -n "$line" ]] || { "$DOCKER" logs "$daemon" 2>&1 | tail -n 20 >&2; echo "no session" >&2; exit 1; }
  ts="$(sed -E 's/^ts=([^ ]+).*/\1/' <<<"$line")"
  sleep "$settle"
  pid="$("$DOCKER" inspect -f '{{.State.Pid}}' "$daemon")"
  status="$(cat "/proc/$pid/status")"
  echo "$(($(date -d "$ts" +%s%3N) - t0)) $(awk '/^(VmRSS|RssAnon|RssFile):/ { printf "%s ", $2 }' <<<"$status")"
  cleanup
}

# One unmeasured start of each first: the image's files into the page cache.
for i in "$image" "$untrained"; do version_ms "$i" >/dev/null; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-48s %12s %16s %10s %10s %10s\n' image "version ms" "Established ms" "RSS kB" "anon kB" "file kB"
for run in $(seq 1 "$runs"); do
  for i in "$image" "$untrained"; do
    v="$(version_ms "$i")"
    read -r e rss anon file <<<"$(daemon_figures "$i")"
    printf '%-48s %12s %16s %10s %10s %10s\n' "$i" "$v" "$e" "$rss" "$anon" "$file"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sizes: $("$DOCKER" image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -F -e "$image " -e "$untrained ")"

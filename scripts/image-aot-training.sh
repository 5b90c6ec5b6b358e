#!/usr/bin/env bash
# Makes the AOT cache (JEP 483/514) of a podbgp image: scripts/image.sh IMAGE OUT, with IMAGE the
# image deploy/Dockerfile built and OUT the file to write. The cache is made by the image's own
# jlink runtime on the image's own class path, the only ones that can use it, in a training run
# of the image (container with no network but its loopback, the DaemonSet's three capabilities):
#
# - a peer daemon (deploy/aot-training/peer.yaml) is the container's first process;
# - a veth pair inside the container gives the next hops the two exchange a link;
# - the trained daemon (deploy/aot-training/trainee.yaml, the image's user and launcher, with
#   -XX:AOTCacheOutput) starts, reaches Established, installs the peer's podCIDR in the kernel,
#   learns and removes a route the peer announces and withdraws at run time, answers the
#   control socket's commands and a reload, and stops with SIGTERM; the JVM writes the cache
#   as it exits.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/docker-env.sh"
image="$1"
out="$2"
cache=/tmp/podbgp.aot
peer_socket=/tmp/peer/control.sock
container="podbgp-aot-training-$$"
log="$(mktemp /tmp/podbgp-aot-training.XXXXXX)"
cleanup() {
  "$DOCKER" rm -f "$container" >/dev/null 2>&1 || true
  rm -f "$log"
}
trap cleanup EXIT

in_container() { "$DOCKER" exec "$container" "$@"; }
fail() {
  echo "podbgp image: AOT training failed: $1" >&2
  {
    echo "--- peer daemon"; "$DOCKER" logs "$container" 2>&1 | tail -n 20
    echo "--- trained daemon"; in_container sh -c 'while read -r l; do echo "$l"; done < /tmp/trainee.log' | tail -n 30
  } >&2 || true
  exit 1
}
# Waits up to $1 seconds for a command in the container whose output matches $2 (grep -E).
await() {
  local seconds="$1" pattern="$2" what="$3"
  shift 3
  local deadline=$((SECONDS + seconds))
  local output
  while true; do
    output="$(in_container "$@" 2>&1 || true)"
    grep -Eq -- "$pattern" <<<"$output" && return 0
    ((SECONDS < deadline)) || fail "$what (after ${seconds} s; last: ${output:0:300})"
    sleep 1
  done
}

"$DOCKER" create --name "$container" --network none --sysctl net.ipv4.ip_forward=1 \
  --cap-drop ALL --cap-add NET_ADMIN --cap-add NET_RAW --cap-add NET_BIND_SERVICE \
  "$image" run --config /etc/podbgp/peer.yaml >/dev/null
"$DOCKER" cp "$root/deploy/aot-training/peer.yaml" "$container:/etc/podbgp/peer.yaml"
"$DOCKER" cp "$root/deploy/aot-training/trainee.yaml" "$container:/etc/podbgp/podbgp.yaml"
"$DOCKER" start "$container" >/dev/null
"$DOCKER" exec -u 0 "$container" sh -c 'ip link add aot0 type veth peer name aot1 &&
  ip addr add 192.0.2.1/24 dev aot0 && ip link set aot0 up && ip link set aot1 up'
await 120 '^Neighbor' "the peer daemon did not start" podbgp show neighbors --socket "$peer_socket"

"$DOCKER" exec -d -e PODBGP_JAVA_OPTS="-XX:AOTCacheOutput=$cache" "$container" \
  sh -c 'exec podbgp run --config /etc/podbgp/podbgp.yaml > /tmp/trainee.log 2>&1'
await 120 'Established' "no session between the daemons" podbgp show neighbors
await 60 'via 192\.0\.2\.2 .*proto 244' "the peer's podCIDR is not in the kernel" ip route show 10.244.1.0/24
in_container podbgp announce --socket "$peer_socket" route 10.244.2.0/24 next-hop 192.0.2.2 \
  community [ 64501:1 ] >/dev/null
await 60 'via 192\.0\.2\.2' "the announced route is not in the kernel" ip route show 10.244.2.0/24
in_container podbgp withdraw --socket "$peer_socket" route 10.244.2.0/24 >/dev/null
await 60 '^absent$' "the withdrawn route is still in the kernel" \
  sh -c 'r="$(ip route show 10.244.2.0/24)" && [ -z "$r" ] && echo absent'
for command in "show routes" "show fib" "show config" "reload" "clear neighbor 127.0.0.2 --soft in"; do
  # shellcheck disable=SC2086 # the words of the command
  in_container podbgp $command >/dev/null || fail "podbgp $command"
done
await 60 'Established' "no session after the soft clear" podbgp show neighbors

# The daemon's pid is in its instance lock; SIGTERM, then the JVM writes the cache as it exits
# (tens of seconds on a busy machine).
pid="$(in_container sh -c 'read -r p < /run/podbgp/control.sock.lock && echo "$p"')"
[[ "$pid" =~ ^[0-9]+$ ]] || fail "no daemon pid in its lock file (got '$pid')"
in_container sh -c "kill -TERM $pid"
await 300 '^gone$' "the trained daemon did not exit" sh -c "kill -0 $pid 2>/dev/null || echo gone"
in_container sh -c 'while read -r l; do echo "$l"; done < /tmp/trainee.log' > "$log"
grep -q 'AOTCache creation is complete' "$log" || fail "the JVM wrote no AOT cache"
"$DOCKER" cp "$container:$cache" "$out"
echo "podbgp image: AOT cache $(du -h "$out" | cut -f1) from the training run" >&2

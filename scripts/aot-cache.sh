#!/usr/bin/env bash
# Makes daemon/target/podbgp.aot, the JDK 25 AOT cache (JEP 483/514) that scripts/podbgp uses:
# the classes the daemon loads, parsed and linked ahead of time. A training run starts the
# daemon in a private network namespace (root) with one passive peer, asks it for its
# neighbours over the control socket, and stops it; the JVM writes the cache as it exits.
# Rerun after every build: scripts/podbgp ignores a cache older than the daemon's jar.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/java-home.sh"
jar="$(ls "$root"/daemon/target/daemon-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)"
[[ -n "$jar" ]] || { echo "podbgp is not built yet: run ./mvnw -B -ntp -pl daemon -am package -DskipTests" >&2; exit 1; }
cache="$root/daemon/target/podbgp.aot"
work="$(mktemp -d /tmp/podbgp-aot.XXXXXX)"
netns="podbgp-aot-$$"
pid=""
cleanup() {
  [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
  ip netns del "$netns" 2>/dev/null || true
  [[ -n "${PODBGP_AOT_KEEP:-}" ]] || rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$netns"
ip -n "$netns" link set lo up
mkdir -p "$work/cni"
cat > "$work/podbgp.yaml" <<YAML
node:
  name: aot-training
  asn: 64500
  routerId: 192.0.2.254
  podCidrs: [10.244.0.0/24]
  clusterPodCidrs: [10.244.0.0/16]
listen:
  address: 127.0.0.1
peers:
  - address: 127.0.0.2
    asn: 65001
    passive: true
mesh:
  enabled: false
cni:
  mtu: 1500
  confDir: $work/cni
controlSocket: $work/control.sock
metrics:
  enabled: false
YAML
rm -f "$cache"
cp="$jar:$root/daemon/target/lib/*"
ip netns exec "$netns" "$JAVA_HOME/bin/java" @"$root/scripts/jvm.options" -XX:AOTCacheOutput="$cache" \
  -cp "$cp" dev.podbgp.daemon.cli.Main run --config "$work/podbgp.yaml" > "$work/daemon.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do [[ -S "$work/control.sock" ]] || ! kill -0 "$pid" 2>/dev/null && break; sleep 0.2; done
if [[ ! -S "$work/control.sock" ]]; then
  tail -20 "$work/daemon.log" >&2
  echo "podbgp: the training daemon did not start" >&2
  exit 1
fi
"$JAVA_HOME/bin/java" @"$root/scripts/jvm.options" -cp "$cp" dev.podbgp.daemon.cli.Main \
  show neighbors --socket "$work/control.sock" > /dev/null
kill -TERM "$pid"
# Writing the cache takes a few seconds after the daemon stopped (about 20 s on a busy 2-core machine).
for _ in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$pid" 2>/dev/null || [[ ! -f "$cache" ]]; then
  tail -20 "$work/daemon.log" >&2
  echo "podbgp: no AOT cache was written" >&2
  exit 1
fi
pid=""
echo "podbgp: AOT cache $cache ($(du -h "$cache" | cut -f1))"

#!/usr/bin/env bash
# The first command: installs the Debian packages the demo uses, builds podbgp and the demo,
# and runs it (as root: it creates network namespaces). Arguments go to `podbgp demo`,
# e.g. scripts/demo.sh --keep
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$(id -u)" -ne 0 ]; then
  echo "podbgp demo: needs root (network namespaces); run: sudo $0 $*" >&2
  exit 1
fi
"$root/scripts/install-deps.sh"
source "$root/scripts/java-home.sh"
export JAVA_HOME
# Maven's own Guice touches sun.misc.Unsafe, which JDK 25 warns about on every build.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
echo "podbgp demo: building daemon and integration (./mvnw package -DskipTests) ..."
(cd "$root" && ./mvnw -q -B -ntp -pl daemon,integration -am package -DskipTests)
exec "$root/scripts/podbgp" demo "$@"

#!/usr/bin/env bash
# Regenerates bgp-core/src/test/resources/exabgp/{commands,session-messages}.json from live
# ExaBGP 4.2.21 sessions in network namespaces (needs root, exabgp, iproute2). ~10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
./mvnw -q -B -ntp -pl bgp-core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
exec "$JAVA_HOME/bin/java" \
  -cp "bgp-core/target/test-classes:bgp-core/target/classes:$(cat bgp-core/target/test-cp.txt)" \
  dev.podbgp.bgp.exabgp.ExabgpFixtureWriter bgp-core/src/test/resources/exabgp

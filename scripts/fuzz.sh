#!/usr/bin/env bash
# Bounded fuzzing of the wire decoders (DESIGN.md tier 3), about 100 s: each @FuzzTest of
# bgp-core fuzzes for its maxDuration in its own JVM. `scripts/test.sh` (./mvnw verify) already
# replays the checked-in corpus; this run looks for new crashes. A crash fails the run and is
# left in bgp-core/src/test/resources/.../<Test>Inputs/<method>/ to be fixed and committed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-home.sh
exec ./mvnw -B -ntp -Pfuzz -pl bgp-core -am test "$@"

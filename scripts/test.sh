#!/usr/bin/env bash
# Runs every podbgp test: unit, differential (ExaBGP oracle), live ExaBGP captures, fuzz corpus
# replay, the lab (network namespaces and containers), then a bounded fuzzing run.
# Lab tests need root (network namespaces); CI runs this as root.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/java-home.sh
# The lab's own Docker engine, for the FRR container fixture and the image test; stopped (and the
# host's networking put back as it was) however the build ends. The images are built by the tests
# that need them, once per content (scripts/frr-image.sh, scripts/image.sh).
scripts/dockerd.sh start
trap 'scripts/dockerd.sh stop' EXIT
trap 'exit 130' INT TERM HUP
./mvnw -B -ntp verify "$@"
scripts/dockerd.sh stop
trap - EXIT
# Tier 3: a bounded fuzzing run of the wire decoders (about 2 minutes) on top of the corpus
# replay that verify already did.
exec scripts/fuzz.sh

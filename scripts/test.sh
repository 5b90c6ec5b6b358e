#!/usr/bin/env bash
# Runs every podbgp test: unit, differential (ExaBGP oracle), live ExaBGP captures, fuzz corpus
# replay, then a bounded fuzzing run.
# Lab tests need root (network namespaces); CI runs this as root.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/java-home.sh
./mvnw -B -ntp verify "$@"
# Tier 3: a bounded fuzzing run of the wire decoders (about 2 minutes) on top of the corpus
# replay that verify already did.
exec scripts/fuzz.sh

#!/usr/bin/env bash
# Runs every podbgp test: unit, differential (ExaBGP oracle), fuzz regression and lab tests.
# Lab tests need root (network namespaces); CI runs this as root.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
source scripts/java-home.sh
exec ./mvnw -B -ntp verify "$@"

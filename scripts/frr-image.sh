#!/usr/bin/env bash
# Builds (once per content) and prints the name of the FRR image the lab's container fixture
# runs: podbgp-lab/frr:<FRR version>-<content key>. The key covers the build context, the base
# image and the FRR version, so any change to one of them builds a new image and an unchanged
# one is reused across runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/docker-env.sh"

context="$root/integration/src/main/docker/frr"
base="$("$root/scripts/base-image.sh")"
# The host's frr package is the namespace fixture's; the container gets the same one.
version="$(dpkg-query -W -f='${Version}' frr 2>/dev/null || true)"
[ -n "$version" ] || { echo "podbgp FRR image: the frr package is not installed (scripts/install-deps.sh)" >&2; exit 1; }
key="$( (echo "$base $version"; sha256sum < "$0"; cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | podbgp_content_key)"
name="podbgp-lab/frr:${version%%-*}-$key"
if ! podbgp_have_image "$name"; then
  echo "podbgp FRR image: building $name" >&2
  # No bridge network in the lab's engine: the build reaches the mirror through the host's.
  "$DOCKER" build -q --network host --build-arg "BASE=$base" --build-arg "FRR_VERSION=$version" \
    --label "dev.podbgp.content=$key" -t "$name" "$context" >/dev/null
fi
echo "$name"

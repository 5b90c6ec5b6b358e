#!/usr/bin/env bash
# Builds (once) and prints the name of the lab's Debian base image: a minbase debootstrap of this
# machine's Debian release, from the mirror apt already uses. No registry is involved, so it works
# where none can be reached. The images of FRR and of podbgp start from it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/docker-env.sh"

suite="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
[ -n "$suite" ] || { echo "podbgp base image: no VERSION_CODENAME in /etc/os-release" >&2; exit 1; }
# The mirror apt reads this release's main archive from (not its security or updates suite).
mirror="$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Identifier: Packages' \
  | awk -v s="$suite" '$2 == s { print $1; exit }')"
[ -n "$mirror" ] || { echo "podbgp base image: apt has no source for $suite" >&2; exit 1; }

key="$( (sha256sum < "$0"; printf '%s\n' "$suite" "$mirror" "$(dpkg-query -W -f='${Version}' debootstrap)") | podbgp_content_key)"
name="podbgp-lab/debian:$suite-$key"
if podbgp_have_image "$name"; then
  echo "$name"
  exit 0
fi

command -v debootstrap >/dev/null || { echo "podbgp base image: debootstrap missing (scripts/install-deps.sh)" >&2; exit 1; }
work="$(mktemp -d /var/tmp/podbgp-rootfs.XXXXXX)"
cleanup() {
  # debootstrap mounts /proc and /sys inside the tree while it works; a failure may leave them.
  local m
  for m in $(findmnt -rn -o TARGET | grep -E "^$work/" | sort -r || true); do umount -l "$m"; done
  rm -rf --one-file-system "$work"
}
trap cleanup EXIT
echo "podbgp base image: debootstrap $suite from $mirror" >&2
if ! debootstrap --variant=minbase "$suite" "$work/root" "$mirror" >"$work/log" 2>&1; then
  tail -n 30 "$work/log" >&2
  exit 1
fi
# Images built from it run apt-get update first; stale lists and caches would only add size.
rm -rf "$work"/root/var/lib/apt/lists/* "$work"/root/var/cache/apt/*.bin "$work"/root/var/log/*.log
tar -C "$work/root" --numeric-owner -c . \
  | "$DOCKER" import --change 'CMD ["/bin/bash"]' --message "debootstrap --variant=minbase $suite $mirror" - "$name" >/dev/null
echo "$name"

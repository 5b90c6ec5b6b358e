#!/usr/bin/env bash
# Installs what podbgp's build, tests and demo need on a Debian 12 machine, when missing:
# the Debian peers the tests run against, and a check for JDK 25.
set -euo pipefail

packages=(exabgp frr bird2 gobgpd containernetworking-plugins iproute2 nftables iputils-ping)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "podbgp: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The Debian packages start their daemons on the host; the tests run their own copies in
# network namespaces, so the host ones only get in the way.
for svc in frr bird gobgpd exabgp; do
  systemctl is-active --quiet "$svc" 2>/dev/null && systemctl stop "$svc" 2>/dev/null || true
done

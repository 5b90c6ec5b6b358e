#!/usr/bin/env bash
# Installs what podbgp's build, tests and demo need on a Debian 12 machine, when missing:
# the Debian peers the tests run against, Docker and debootstrap for the container fixtures and the
# image (scripts/dockerd.sh, scripts/base-image.sh), and a check for JDK 25.
set -euo pipefail

packages=(exabgp frr bird2 gobgpd containernetworking-plugins iproute2 nftables iputils-ping docker.io debootstrap unzip)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "podbgp: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  # Installing docker.io may start Docker's own service, whose iptables rules set the host's
  # FORWARD policy to DROP: what it was before is put back.
  forward="$($SUDO iptables -S FORWARD 2>/dev/null | awk '$1 == "-P" { print $3; exit }' || true)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  now="$($SUDO iptables -S FORWARD 2>/dev/null | awk '$1 == "-P" { print $3; exit }' || true)"
  if [ -n "$forward" ] && [ "$now" != "$forward" ]; then
    echo "podbgp: the install changed the FORWARD policy to $now; restoring $forward"
    $SUDO iptables -P FORWARD "$forward"
  fi
fi
# The Debian packages start their daemons on the host; the tests run their own copies in
# network namespaces, so the host ones only get in the way.
for svc in frr bird gobgpd exabgp; do
  systemctl is-active --quiet "$svc" 2>/dev/null && systemctl stop "$svc" 2>/dev/null || true
done

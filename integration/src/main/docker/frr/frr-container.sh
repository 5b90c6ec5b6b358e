#!/bin/sh
# PID 1 of the FRR container: zebra, then bgpd once zebra listens (the order the namespace
# fixture uses: a bgpd that meets zebra late resets the sessions it has begun when zebra's
# interface and address reports arrive), in the foreground of this script; SIGTERM stops both,
# so `docker stop` is a clean stop.
#
# With FRR_START_WHEN=FILE it first waits for FILE: the lab moves its links into the container's
# network namespace after the container starts, and creates FILE when they are in, so that FRR
# starts as it does in a namespace, with its interfaces already there.
set -e
run=/var/run/frr
stop() {
  for d in bgpd zebra; do
    [ -f "$run/$d.pid" ] && kill -TERM "$(cat "$run/$d.pid")" 2>/dev/null || true
  done
  exit 0
}
trap stop TERM INT
pause() {
  sleep "$1" &
  wait $! || true
}
if [ -n "${FRR_START_WHEN:-}" ]; then
  while [ ! -e "$FRR_START_WHEN" ]; do pause 0.1; done
fi
mkdir -p "$run"
chown frr:frr "$run"
/usr/lib/frr/zebra -d -A 127.0.0.1 -s 90000000 -f /etc/frr/frr.conf -i "$run/zebra.pid"
while [ ! -S "$run/zserv.api" ]; do pause 0.1; done
/usr/lib/frr/bgpd -d -A 127.0.0.1 -f /etc/frr/frr.conf -i "$run/bgpd.pid"
echo "FRR started: zebra $(cat "$run/zebra.pid"), bgpd $(cat "$run/bgpd.pid")"
while :; do pause 1; done

#!/bin/sh
# PID 1 of the FRR container: starts the daemons /etc/frr/daemons names (watchfrr supervises
# them), stays in the foreground, and stops them on SIGTERM so `docker stop` is a clean stop.
#
# With FRR_START_WHEN=FILE it first waits for FILE: the lab moves its links into the container's
# network namespace after the container starts, and creates FILE when they are in, so that FRR
# starts as it does in a namespace, with its interfaces already there. Started before them,
# bgpd resets the sessions it tries while zebra reports the addresses.
set -e
trap 'exit 0' TERM INT
if [ -n "${FRR_START_WHEN:-}" ]; then
  while [ ! -e "$FRR_START_WHEN" ]; do
    sleep 0.1 &
    wait $! || true
  done
fi
/usr/lib/frr/frrinit.sh start
trap '/usr/lib/frr/frrinit.sh stop; exit 0' TERM INT
while :; do
  sleep 1 &
  wait $! || true
done

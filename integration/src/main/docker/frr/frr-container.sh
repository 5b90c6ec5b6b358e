#!/bin/sh
# PID 1 of the FRR container: starts the daemons /etc/frr/daemons names (watchfrr supervises
# them), stays in the foreground, and stops them on SIGTERM so `docker stop` is a clean stop.
set -e
/usr/lib/frr/frrinit.sh start
trap '/usr/lib/frr/frrinit.sh stop; exit 0' TERM INT
while :; do
  sleep 1 &
  wait $! || true
done

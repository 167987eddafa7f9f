#!/usr/bin/env bash
# The scan benchmark of issue 3: generates a city (default 2,000,000 residents, 1,000 sites), starts Frontline as its
# own process on a PostgreSQL server with fsync on, and measures (a) online devices, one event per request: closed
# loop ("online", each device sends again as soon as it is answered) and open loop ("paced", the devices offer
# 5,000 events/s between them); (b) offline sync, batches of events; and the baseline (the same rows inserted
# straight with JDBC batches, same server, same run), with the ratio of (b) to the baseline. Same tool and options
# as bench/surge.sh, e.g.
#   bench/run.sh --residents=2000000 --sites=1000 --devices=1000 --batch=100 --offline-devices=8 --runs=3
set -euo pipefail
exec "$(dirname "$0")/surge.sh" --modes=online,paced,offline,baseline "$@"

#!/usr/bin/env bash
# The scan protocol under its sustained load (bench/README.md): online devices (closed and open loop), offline sync
# (batches) and the JDBC-batch baseline in the same run. Same tool and options as bench/surge.sh, e.g.
#   bench/run.sh --residents=2000000 --sites=1000 --devices=1000 --batch=100 --offline-devices=8 --runs=3
#   bench/run.sh --before=/path/to/other/checkout ...   (both builds, alternating, in one invocation)
#   bench/run.sh --modes=online,screens@200 --screen-seconds=10 ...   (the online load alone, then with 200 command-centre
#                screens reading the district's live view every 10 s; the two alternate run by run; prints the ratio)
set -euo pipefail
exec "$(dirname "$0")/surge.sh" --modes=online,paced,offline,baseline "$@"

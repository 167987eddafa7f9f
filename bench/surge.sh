#!/usr/bin/env bash
# A step surge on the scan protocol (issue 6), and the same sustained modes as bench/run.sh: generates the city,
# starts Frontline as its own process on a PostgreSQL server (fsync on), measures the sustained online rate, then
# steps from idle to --surge-factor times that rate at once for --surge-seconds, with devices that honour 503/429
# Retry-After and resend; then a minute at the sustained rate. Prints accepted, shed and resent counts, latency
# percentiles, health and API latency during the surge, throughput per 10 s and the application's memory.
# Options (defaults): --residents=2000000 --sites=1000 --seconds=30 --devices=1000 --runs=3
#   --modes=online,surge (also offline, baseline) --surge-seconds=180 --surge-factor=10 [--rate=EVENTS_PER_S]
#   --data=target/bench-data (kept: the city is generated once per data directory).
set -euo pipefail
cd "$(dirname "$0")/.."
# The load generator (the phones) runs on G1: its live set is the city's codes (700 MB), and the parallel collector
# paused every device together for 10-67 ms every 3 s (requests due in a pause count it); G1 paused 9-26 ms every
# 5-6 s for the same CPU per event.
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx4g -XX:+UseG1GC -Dfrontline.app.xmx=${APP_XMX:-3g} -Dfrontline.app.start-timeout=3600 -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.frontline.bench.ScanBench "$@"

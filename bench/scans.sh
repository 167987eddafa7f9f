#!/usr/bin/env bash
# The scan protocol under load (issue 3): generates the city, starts Frontline on its own PostgreSQL (fsync on) and
# drives POST /api/v1/scans in two modes, online devices (one event per request) and offline sync (batches), with
# the JDBC-batch baseline measured in the same run against the same server. Prints events/s and p50/p99 per run and
# the medians. Options (defaults): --residents=2000000 --sites=1000 --seconds=30 --devices=1000 --batch=100
#   --offline-devices=8 --runs=3 --modes=online,offline,baseline --data=target/bench-data (kept: the city is
#   generated once per data directory).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx4g -Dfrontline.app.xmx=${APP_XMX:-3g} -Dfrontline.app.start-timeout=3600 -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.frontline.bench.ScanBench "$@"

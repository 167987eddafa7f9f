#!/usr/bin/env bash
# The supplies ledger at district scale (issue 18): a ledger of 5,000,000 movements written set-based once per data
# directory, then the stock of one place and the district's days of cover through the API (median and p99 of
# --repeats), and movements through POST /api/v1/movements in batches offered at --rate per second.
# Options (defaults): --data=/work/bench-data/supplies --movements=5000000 --places=1000 --residents=20000
#   --repeats=50 --clients=4 --batch=100 --rate=1000 --seconds=30 --runs=3 [--app-args="..."];
#   --prepare only writes the ledger (once per data directory; run it under /work/bin/quiet before measuring).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -XX:+UseParallelGC -Dfrontline.app.xmx=${APP_XMX:-2g} -Dfrontline.app.start-timeout=3600 \
  -Dfrontline.app.jvm-args="${APP_JVM_ARGS:-}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.bench.SuppliesBench "$@"

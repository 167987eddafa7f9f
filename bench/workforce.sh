#!/usr/bin/env bash
# The workforce at district scale (issue 17): Frontline as its own process on a PostgreSQL server (fsync on) with
# --workers workers and --shifts past shifts (inserted once per data directory with set-based SQL), then per run:
# the shift change (--checkins check-ins through the API spread over --seconds, open loop, latency from when each
# was due), on duty for the whole district (--on-duty requests), and --assignments assignments with every rule.
# Options (defaults): --data=/work/bench-data/workforce --workers=10000 --shifts=50000 --checkins=2000 --seconds=60
#   --runs=3 (0: start and prepare the data only) --assignments=200 --on-duty=50; APP_XMX (default 1g).
# Run it alone: /work/bin/alone bench/workforce.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -XX:+UseParallelGC -Dfrontline.app.xmx=${APP_XMX:-1g} -Dfrontline.app.start-timeout=900 \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.bench.WorkforceBench "$@"

#!/usr/bin/env bash
# Closed-loop enterprises at district scale (issue 20): starts Frontline as its own process on a PostgreSQL server in
# a kept data directory, prepares 5,000 enterprises in closed loop with 300,000 staff on their rosters and today's
# roster rounds partly sampled (set-based SQL, not measured; once per data directory and day), then measures one
# loop's untested list, the command's list of all loops and a roster upload of 5,000 rows, each beside its SQL/JDBC
# baseline in the same invocation.
# Options (defaults): --enterprises=5000 --staff=300000 --tested=60 --upload=5000 --runs=5 --repeats=50 --warmup=30
#   --residents=20000 --data=target/bench-data-enterprise [--prepare-only] [--app-args="..."]; JVM options of the application:
#   APP_JVM_ARGS="...".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -Dfrontline.app.xmx=${APP_XMX:-2g} -Dfrontline.app.start-timeout=3600 \
  -Dfrontline.app.jvm-args="${APP_JVM_ARGS:-}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.bench.EnterpriseBench "$@"

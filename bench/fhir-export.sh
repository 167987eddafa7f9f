#!/usr/bin/env bash
# FHIR Bulk Data export of a round at city scale (issue 23): generates the city (demo district, --residents people),
# starts Frontline as its own process on a PostgreSQL server (fsync on), prepares a round with every resident sampled
# into 10-person tubes received by one lab, all with results (set-based SQL; not measured), then exports the round
# (kick-off, status, every NDJSON file downloaded by --clients concurrent clients) --runs times, counting each file's
# lines against the database and sampling the application's resident memory.
# Options (defaults): --residents=2000000 --data=target/bench-fhir --runs=3 --clients=4 --positive-every=400
#   --invalid-every=3000 [--round=ID: export a round prepared by an earlier run; --runs=0: only prepare one];
#   APP_XMX (default 1g); the application's JVM options: APP_JVM_ARGS="-XX:StartFlightRecording=filename=/tmp/export.jfr,settings=profile".
# The data directory is kept: the city is generated once per directory; each invocation prepares a new round.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -XX:+UseParallelGC -Dfrontline.app.xmx=${APP_XMX:-1g} -Dfrontline.app.start-timeout=3600 \
  -Dfrontline.app.jvm-args="${APP_JVM_ARGS:-}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.interop.FhirExportBench "$@"

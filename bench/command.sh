#!/usr/bin/env bash
# The command centre at city scale (issue 21): generates the city (demo district, --residents people), starts Frontline
# as its own process on a PostgreSQL server (fsync on), prepares --days daily rounds (every resident sampled into
# 10-person tubes, resulted) and --facilities quarantine facilities of 100 rooms with a month of stays (once per data
# directory; set-based SQL, not measured), then measures --runs times the district's overview read afresh (--calls
# calls, median) and issuing a past day's daily report (PDF and XLSX).
# Options (defaults): --residents=2000000 --days=30 --facilities=50 --runs=5 --calls=20 --data=target/bench-command
#   --prepare-only  generates and prepares the data directory, measures nothing (run it under quiet, then measure)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -XX:+UseParallelGC -Dfrontline.app.xmx=${APP_XMX:-2g} -Dfrontline.app.start-timeout=3600 \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.bench.CommandBench "$@"

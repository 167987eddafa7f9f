#!/usr/bin/env bash
# The lifting board at city scale (issue 19): generates the city (demo district, --residents people), starts Frontline
# as its own process on a PostgreSQL server (fsync on), prepares once per data directory 30 daily rounds and --zones
# zones through the API and 30 days of what the zones module's listener and round-check job write (positives, round
# checks) by set-based SQL (not measured), then reads the district's lifting board --repeats times per run and checks
# every zone's last positive against SQL.
# Options (defaults): --residents=2000000 --data=target/bench-zones --zones=300 --days=30 --runs=5 --repeats=30
#   --positive-every=2000 [--app-args="..."]; APP_XMX (default 2g). --zones=0 only generates the city.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -XX:+UseParallelGC -Dfrontline.app.xmx=${APP_XMX:-2g} -Dfrontline.app.start-timeout=3600 \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.bench.ZonesBench "$@"

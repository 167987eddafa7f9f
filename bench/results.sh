#!/usr/bin/env bash
# Lab results and coverage at city scale (issue 4): generates the city, starts Frontline as its own process on a
# PostgreSQL server (fsync on), prepares a round with every resident of the district sampled into 10-person tubes,
# boxed and received by one lab (set-based SQL writing the rows the scan path writes; not measured), then measures:
# all tubes' results through POST /api/v1/results (concurrent lab clients, batches), the time from the last post until
# every person's result is visible, the baseline (the same results as one SQL statement on a copy round), and the
# coverage of the district by community and one community's not-yet-tested list.
# Options (defaults): --residents=2000000 --data=target/bench-data --runs=1 --tubes=0 (all) --clients=4 --batch=1000
#   --repeats=20 --community=320602001001 --not-sampled-every=50 --exempt-every=500 --positive-every=10000
#   --baseline=true --explain=false [--app-args="..."]; JVM options of the application: APP_JVM_ARGS="...".
# The data directory is kept: the city is generated once per directory; every run prepares new rounds in it.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx2g -XX:+UseParallelGC -Dfrontline.app.xmx=${APP_XMX:-3g} -Dfrontline.app.start-timeout=3600 \
  -Dfrontline.app.jvm-args="${APP_JVM_ARGS:-}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.bench.ResultsBench "$@"

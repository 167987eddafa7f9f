#!/usr/bin/env bash
# The round planner's speed (issue 22). Mode engine (default): a generated district in memory (--residents=2000000
# in --sites=1000 compounds, a fixed site of 4 stations in each and a door-to-door team per ten compounds) planned with
# --plan-runs=20 runs: the simulation of every site, the proposals, one site's what-if, and in the same invocation the
# baseline, the same sites simulated as a textbook event-queue simulation (a person object per resident). Mode api:
# the scan bench's demo city (generated once in --data=target/bench-data, about 6 minutes for 2,000,000 residents)
# with --sites sampling sites; POST /api/v1/rounds/{id}/plan and one site's what-if timed end to end; --prepare-only
# generates the city and stops. Figures are medians of --runs=5 after a warm-up. Examples:
#   bench/planner.sh
#   bench/planner.sh --modes=api --prepare-only      (under /work/bin/quiet: it generates data)
#   bench/planner.sh --modes=engine,api --runs=5
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx3g -XX:+UseParallelGC -Dfrontline.app.xmx=${APP_XMX:-3g} -Dfrontline.app.start-timeout=3600 \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.bench.PlannerBench "$@"

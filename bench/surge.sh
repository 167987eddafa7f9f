#!/usr/bin/env bash
# The scan protocol's load tool (bench/README.md): generates the city, starts PostgreSQL (fsync on) and Frontline as its
# own process, and runs the modes. This script's default modes are the overload ones: the sustained (online) rate,
# then phones in open loop offering 2, 5 and 10 times it. bench/run.sh runs the sustained modes.
# Options (defaults): --residents=2000000 --sites=1000 --data=target/bench-data --runs=3
#   --modes=online,surge@2,surge@5,surge@10 --phones=3000 --calm-seconds=20 --surge-seconds=30
#   --before=DIR    a second build (a checkout; its classes are compiled here) measured in the same invocation,
#                   each run alternating which build goes first; --after=DIR measures that checkout instead of this one
#   --pin           the application and PostgreSQL on CPU 0, this load generator on CPU 1 (taskset)
#   --pin=split     the application alone on CPU 0, PostgreSQL and this load generator on CPU 1
#   --nice          not pinned: this load generator at nice 19 once the application and PostgreSQL run (one build)
# The application's JVM options: APP_JVM_ARGS="-XX:StartFlightRecording=filename=/tmp/scan.jfr,settings=profile".
set -euo pipefail
cd "$(dirname "$0")/.."
modes="--modes=online,surge@2,surge@5,surge@10"
pin=()
for arg in "$@"; do
  case "$arg" in
    --modes=*) modes="" ;;
    --before=*|--after=*) (cd "${arg#*=}" && ./mvnw -q -B -o compile dependency:build-classpath \
                  -Dmdep.outputFile=target/app.classpath -Dmdep.includeScope=runtime) ;;
    --pin|--pin=*) pin=(taskset -c 1) ;;
  esac
done
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/app.classpath -Dmdep.includeScope=runtime
# Frontline runs as in production: its own classes and runtime dependencies (not the tool's test classpath).
# The load generator (the phones) runs on G1: its live set is the city's codes (700 MB), and the parallel collector
# paused every device together for 10-67 ms every 3 s (requests due in a pause count it).
exec "${pin[@]}" java -Xmx4g -XX:+UseG1GC -Dfrontline.app.xmx=${APP_XMX:-3g} -Dfrontline.app.start-timeout=3600 \
  -Dfrontline.app.classpath="target/classes:$(cat target/app.classpath)" -Dfrontline.app.jvm-args="${APP_JVM_ARGS:-}" \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.frontline.bench.ScanBench $modes "$@"

#!/usr/bin/env bash
# Generates a city, starts Frontline on its embedded PostgreSQL (fsync on) and drives POST /api/v1/scans in two
# modes, then inserts the same rows straight with JDBC batches as the baseline.
#   RESIDENTS=2000000 SITES=1000 SECONDS=30 DEVICES=1000 BATCH=100 BATCH_DEVICES=8 COMMITTERS=1 bench/run.sh
# A second run on the same RESIDENTS reuses the generated city (target/bench-data-$RESIDENTS).
set -euo pipefail
cd "$(dirname "$0")/.."
RESIDENTS=${RESIDENTS:-2000000}
SITES=${SITES:-1000}
SECONDS_PER_MODE=${SECONDS:-30}
DEVICES=${DEVICES:-1000}
BATCH=${BATCH:-100}
BATCH_DEVICES=${BATCH_DEVICES:-8}
MODES=${MODES:-ab}
PORT=${BENCH_PORT:-18080}
DB_PORT=${BENCH_DB_PORT:-54329}
DATA=${BENCH_DATA:-target/bench-data-$RESIDENTS}

if [ ! -f target/frontline.jar ] || [ -n "${REBUILD:-}" ]; then
  ./mvnw -q -B -DskipTests package
fi
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

FRONTLINE_DEMO=true FRONTLINE_DEMO_RESIDENTS=$RESIDENTS FRONTLINE_DEMO_PASSWORD=bench-pass \
FRONTLINE_DATA_DIR=$DATA FRONTLINE_DB_PORT=$DB_PORT SERVER_PORT=$PORT FRONTLINE_DB_POOL_SIZE=${POOL:-40} \
  java ${APP_JAVA_OPTS:--Xmx1g} -Dserver.tomcat.threads.max=${TOMCAT_THREADS:-400} -Dfrontline.scans.committers=${COMMITTERS:-1} -Dlogging.level.root=WARN \
  -jar target/frontline.jar > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
echo "waiting for Frontline (loading $RESIDENTS residents the first time)..."
for _ in $(seq 1 1200); do
  if curl -sf "http://localhost:$PORT/actuator/health" >/dev/null; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "Frontline stopped; see target/bench-app.log"; exit 1; fi
  sleep 1
done
java -cp "$(cat target/bench-classpath.txt)" bench/ScanBench.java --port "$PORT" --db-port "$DB_PORT" \
  --password bench-pass --sites "$SITES" --seconds "$SECONDS_PER_MODE" --devices "$DEVICES" --batch "$BATCH" \
  --batch-devices "$BATCH_DEVICES" --modes "$MODES"

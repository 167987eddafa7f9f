#!/usr/bin/env bash
# Measures two figures of the foundation on this machine:
#  1. start time: `java -jar target/frontline.jar` on a fresh data directory (initdb + migrations + demo district)
#     and on the kept one (second start), until /actuator/health answers UP;
#  2. import time: a CSV of N residents (default 100,000) posted to POST /api/v1/people/import, RUNS times
#     (first run inserts, later runs re-import the same file, which must change nothing).
# usage: bench/import-and-start.sh [N] [RUNS]     (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RUNS=${2:-3}
PORT=${PORT:-18080}
DATA=$(mktemp -d)
CSV=$(mktemp --suffix=.csv)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA" "$CSV"' EXIT

python3 bench/residents-csv.py "$N" 320602001001001 320602001001002 320602001001003 > "$CSV"
echo "csv: $N rows, $(du -h "$CSV" | cut -f1)"

start() {
  local t0=$(date +%s.%N)
  FRONTLINE_DATA_DIR="$DATA" FRONTLINE_DEMO=true FRONTLINE_DEMO_PASSWORD=bench-pass SERVER_PORT=$PORT \
    java -XX:+UseParallelGC -jar target/frontline.jar > "$DATA.log" 2>&1 &
  PID=$!
  until curl -sf "localhost:$PORT/actuator/health" | grep -q UP; do sleep 0.1; done
  echo "$1 start: $(echo "$(date +%s.%N) - $t0" | bc) s (to health UP); app says: $(grep -o 'Started FrontlineApplication in [0-9.]* seconds' "$DATA.log")"
}

start first
kill $PID; wait $PID || true
start second

TOKEN=$(curl -s -XPOST "localhost:$PORT/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"username":"admin","password":"bench-pass"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for i in $(seq 1 "$RUNS"); do
  curl -s -o "$DATA.report" -w "import run $i: %{time_total} s, HTTP %{http_code}" -XPOST "localhost:$PORT/api/v1/people/import" \
    -H "Authorization: Bearer $TOKEN" -H 'content-type: text/csv' --data-binary @"$CSV"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("  rows=%(rows)d inserted=%(inserted)d updated=%(updated)d unchanged=%(unchanged)d rejected=%(rejected)d" % r)' "$DATA.report"
done

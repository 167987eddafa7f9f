#!/usr/bin/env bash
# Failover under scan load (issue 24): starts a Patroni cluster from Debian's packages with deploy/ha/cluster.sh
# (3 etcd members, a primary and two replicas, synchronous_mode_strict; ports from --port-base, 25000), two Frontline
# instances on it, the paced scan load of bench/run.sh (--rate 2,000 events/s from --devices 1,000 phones, split
# between the instances), and per scenario one fault --before seconds into the measured window:
#   node        the primary's Patroni, postmaster and backends killed with SIGKILL (its Patroni is started again
#               --rejoin-after seconds later, as a supervisor would; it rejoins through pg_rewind)
#   postmaster  only the primary's postmaster killed with SIGKILL
#   switchover  a planned patronictl switchover to the synchronous standby
# then the backup command against a replica and its restore into a new database. Prints, per scenario, how long no
# scan was acknowledged, the answer times before/during/after, and the devices' acknowledged events counted in the
# new primary (lost, stored twice). Options (defaults): --residents=300000 --sites=1000 --devices=1000 --rate=2000
#   --warmup=20 --before=30 --after=60 --rejoin-after=20 --scenarios=node,postmaster,switchover --server-warmup=60
#   --via=multi (or haproxy) --shared-buffers=1GB --data=target/failover-data --keep (leave the cluster running).
# Needs: apt-get install postgresql-15 patroni etcd-server etcd-client haproxy python3-etcd. Run it alone.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx3g -XX:+UseG1GC -Dfrontline.app.xmx=${APP_XMX:-1g} -Dfrontline.app.start-timeout=3600 \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.frontline.bench.FailoverBench "$@"

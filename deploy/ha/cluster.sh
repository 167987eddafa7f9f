#!/usr/bin/env bash
# A highly available PostgreSQL 15 for Frontline from Debian's packages (postgresql-15, patroni, etcd-server,
# etcd-client, haproxy), without systemd: HA_ETCD etcd members, HA_NODES PostgreSQL servers managed by Patroni (one
# primary, the others replicas, synchronous_mode and synchronous_mode_strict), and HAProxy in front of them. On one
# machine by default (cluster.env: every member on 127.0.0.1 with its own ports and data directory under HA_DATA);
# PostgreSQL, Patroni and etcd run as the postgres user. README, "High availability", says what runs where.
#
#   deploy/ha/cluster.sh up                 start (a new cluster, or the existing one in HA_DATA) and wait until healthy
#   deploy/ha/cluster.sh down               stop everything and delete HA_DATA
#   deploy/ha/cluster.sh stop               stop everything, keep HA_DATA
#   deploy/ha/cluster.sh status             patronictl list
#   deploy/ha/cluster.sh url [haproxy|replicas|node I]  a FRONTLINE_DB_URL: multi-host (default), through HAProxy, one member
#   deploy/ha/cluster.sh leader|sync        the number of the primary / of the synchronous standby
#   deploy/ha/cluster.sh wait-healthy [S]   wait (S seconds, 120) for a primary and every replica streaming, one synchronous
#   deploy/ha/cluster.sh start-node I | stop-node I
#   deploy/ha/cluster.sh kill-node I        SIGKILL to member I's Patroni, its postmaster and every backend (the node dies)
#   deploy/ha/cluster.sh kill-postmaster I  SIGKILL to member I's postmaster only (Patroni lives on)
#   deploy/ha/cluster.sh patronictl ARGS    e.g. patronictl switchover --candidate node1 --force
#   deploy/ha/cluster.sh psql I ARGS        psql as the superuser on member I
#   deploy/ha/cluster.sh config I           write member I's etcd.env, patroni.yml and haproxy.cfg only (production)
#
# Settings (environment): HA_NODES (3), HA_ETCD (3), HA_PORT_BASE (25000), HA_DATA, HA_ENV (cluster.env or
# production.env), HA_SHARED_BUFFERS, the passwords; see cluster.env.
set -euo pipefail
DEPLOY=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=cluster.env
source "${HA_ENV:-$DEPLOY/cluster.env}"

node_dir() { echo "$HA_DATA/node$1"; }
pids="$HA_DATA/pids"

# PostgreSQL refuses to run as root: as root, everything here runs as postgres.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups env HOME="$HA_DATA" "$@"
  else
    "$@"
  fi
}

# Starts a server in the background, its output appended to $1, its process id (setpriv and env exec it) in $2.
spawn() {
  local log=$1 pidfile=$2
  shift 2
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups env HOME="$HA_DATA" "$@" >> "$log" 2>&1 < /dev/null &
  else
    "$@" >> "$log" 2>&1 < /dev/null &
  fi
  echo $! > "$pidfile"
}

etcd_hosts() {
  local i list=()
  for ((i = 0; i < HA_ETCD; i++)); do list+=("$(host "$i"):$(etcd_client_port "$i")"); done
  (IFS=,; echo "${list[*]}")
}

etcd_initial_cluster() {
  local i list=()
  for ((i = 0; i < HA_ETCD; i++)); do list+=("etcd$i=http://$(host "$i"):$(etcd_peer_port "$i")"); done
  (IFS=,; echo "${list[*]}")
}

write_config() {
  local i=$1 dir
  dir=$(node_dir "$i")
  mkdir -p "$dir"
  cp "$DEPLOY/post-bootstrap.sh" "$HA_DATA/post-bootstrap.sh"
  sed -e "s|@SCOPE@|$HA_SCOPE|g" -e "s|@NAME@|node$i|g" -e "s|@HOST@|$(host "$i")|g" \
    -e "s|@REST_PORT@|$(rest_port "$i")|g" -e "s|@PG_PORT@|$(pg_port "$i")|g" -e "s|@ETCD_HOSTS@|$(etcd_hosts)|g" \
    -e "s|@DIR@|$dir|g" -e "s|@PG_BIN@|$PG_BIN|g" -e "s|@DEPLOY@|$HA_DATA|g" -e "s|@HBA_NET@|$HA_HBA_NET|g" \
    -e "s|@SHARED_BUFFERS@|$HA_SHARED_BUFFERS|g" -e "s|@SUPERUSER_PASSWORD@|$HA_SUPERUSER_PASSWORD|g" \
    -e "s|@REPLICATION_PASSWORD@|$HA_REPLICATION_PASSWORD|g" -e "s|@REWIND_PASSWORD@|$HA_REWIND_PASSWORD|g" \
    "$DEPLOY/patroni.yml.in" > "$dir/patroni.yml"
  chmod 600 "$dir/patroni.yml"
  if ((i < HA_ETCD)); then
    cat > "$HA_DATA/etcd$i.env" <<EOF
ETCD_NAME=etcd$i
ETCD_DATA_DIR=$HA_DATA/etcd$i
ETCD_LISTEN_CLIENT_URLS=http://$(host "$i"):$(etcd_client_port "$i")
ETCD_ADVERTISE_CLIENT_URLS=http://$(host "$i"):$(etcd_client_port "$i")
ETCD_LISTEN_PEER_URLS=http://$(host "$i"):$(etcd_peer_port "$i")
ETCD_INITIAL_ADVERTISE_PEER_URLS=http://$(host "$i"):$(etcd_peer_port "$i")
ETCD_INITIAL_CLUSTER=$(etcd_initial_cluster)
ETCD_INITIAL_CLUSTER_TOKEN=$HA_SCOPE-etcd
ETCD_INITIAL_CLUSTER_STATE=new
EOF
  fi
  local primary="" replicas="" n
  for ((n = 0; n < HA_NODES; n++)); do
    primary+="    server node$n $(host "$n"):$(pg_port "$n") maxconn 1000 check port $(rest_port "$n")"$'\n'
    replicas+="    server node$n $(host "$n"):$(pg_port "$n") maxconn 1000 check port $(rest_port "$n")"$'\n'
  done
  local bind
  bind=$(host "$i")
  awk -v p="$primary" -v r="$replicas" '{ if ($0 == "@PRIMARY_SERVERS@") printf "%s", p; else if ($0 == "@REPLICA_SERVERS@") printf "%s", r; else print }' \
    "$DEPLOY/haproxy.cfg.in" | sed -e "s|@SCOPE@|$HA_SCOPE|g" -e "s|@BIND@|$bind|g" \
    -e "s|@PRIMARY_PORT@|$(haproxy_port 0)|g" -e "s|@REPLICAS_PORT@|$(haproxy_port 1)|g" \
    -e "s|@STATS_PORT@|$(haproxy_port 2)|g" > "$HA_DATA/haproxy.cfg"
}

running() { [ -f "$pids/$1" ] && kill -0 "$(cat "$pids/$1")" 2>/dev/null; }

start_etcd() {
  local i=$1
  running "etcd$i" && return
  mkdir -p -m 700 "$HA_DATA/etcd$i"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$HA_DATA/etcd$i"; fi
  # A member that has data rejoins; ETCD_INITIAL_CLUSTER_STATE only matters for a new one.
  local settings
  mapfile -t settings < "$HA_DATA/etcd$i.env"
  spawn "$HA_DATA/etcd$i.log" "$pids/etcd$i" env "${settings[@]}" etcd
}

start_node() {
  local i=$1 dir
  dir=$(node_dir "$i")
  running "node$i" && return
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$dir"; fi
  spawn "$dir/patroni.out" "$pids/node$i" env HA_APP_PASSWORD="$HA_APP_PASSWORD" patroni "$dir/patroni.yml"
}

start_haproxy() {
  running haproxy && return
  spawn "$HA_DATA/haproxy.log" "$pids/haproxy" haproxy -f "$HA_DATA/haproxy.cfg" -db
}

stop_pid() {
  local name=$1 signal=${2:-TERM} pid
  [ -f "$pids/$name" ] || return 0
  pid=$(cat "$pids/$name")
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -f "$pids/$name"
}

postmaster_pid() {
  local file
  file="$(node_dir "$1")/pgdata/postmaster.pid"
  [ -f "$file" ] && head -1 "$file"
}

# The postmaster's children: backends, WAL sender and writer, checkpointer and the rest.
children() { ps -o pid= --ppid "$1" 2>/dev/null || true; }

kill_node() {
  local i=$1 postmaster patroni
  postmaster=$(postmaster_pid "$i" || true)
  patroni=$(cat "$pids/node$i" 2>/dev/null || true)
  local victims=()
  [ -n "$patroni" ] && victims+=("$patroni")
  if [ -n "$postmaster" ] && kill -0 "$postmaster" 2>/dev/null; then
    victims+=("$postmaster")
    # shellcheck disable=SC2207
    victims+=($(children "$postmaster"))
  fi
  ((${#victims[@]})) && kill -KILL "${victims[@]}" 2>/dev/null || true
  rm -f "$pids/node$i"
  echo "killed node$i: ${victims[*]}"
}

kill_postmaster() {
  local postmaster
  postmaster=$(postmaster_pid "$1")
  kill -KILL "$postmaster"
  echo "killed the postmaster of node$1: $postmaster"
}

stop_all() {
  stop_pid haproxy
  local i
  for ((i = 0; i < HA_NODES; i++)); do stop_pid "node$i"; done
  for ((i = 0; i < HA_NODES; i++)); do
    # A postmaster whose Patroni was killed keeps running; stop it too.
    local pm
    pm=$(postmaster_pid "$i" 2>/dev/null || true)
    if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
      as_postgres "$PG_BIN/pg_ctl" -D "$(node_dir "$i")/pgdata" -m immediate -w stop >/dev/null 2>&1 || kill -KILL "$pm"
    fi
  done
  for ((i = 0; i < HA_ETCD; i++)); do stop_pid "etcd$i"; done
}

patronictl_() { as_postgres patronictl -c "$(node_dir 0)/patroni.yml" "$@"; }

# Members, one a line: name, role, state, lag in MB (tab-separated; a role may be two words).
members() {
  { patronictl_ list -f json 2>/dev/null || echo '[]'; } | python3 -c '
import json, sys
for m in json.load(sys.stdin):
    print("\t".join(str(m.get(k, "")) for k in ("Member", "Role", "State", "Lag in MB")))'
}

role_index() { members | awk -F '\t' -v role="$1" '$2 == role { sub("node", "", $1); print $1; exit }'; }

healthy() {
  local out
  out=$(members)
  [ "$(awk -F '\t' '$2 == "Leader" && $3 == "running"' <<< "$out" | wc -l)" = 1 ] || return 1
  if ((HA_NODES > 1)); then
    [ "$(awk -F '\t' '$2 == "Sync Standby" && ($3 == "running" || $3 == "streaming")' <<< "$out" | wc -l)" -ge 1 ] \
      || return 1
  fi
  [ "$(awk -F '\t' '$3 == "running" || $3 == "streaming"' <<< "$out" | wc -l)" = "$HA_NODES" ]
}

wait_healthy() {
  local timeout=${1:-120} started=$SECONDS
  until healthy; do
    if ((SECONDS - started > timeout)); then
      echo "the cluster did not become healthy in $timeout s:" >&2
      patronictl_ list >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

url() {
  local i hosts=()
  case "${1:-multi}" in
    haproxy) echo "jdbc:postgresql://$(host 0):$(haproxy_port 0)/frontline" ;;
    replicas) echo "jdbc:postgresql://$(host 0):$(haproxy_port 1)/frontline" ;;
    node) echo "jdbc:postgresql://$(host "$2"):$(pg_port "$2")/frontline" ;;
    *)
      for ((i = 0; i < HA_NODES; i++)); do hosts+=("$(host "$i"):$(pg_port "$i")"); done
      echo "jdbc:postgresql://$(IFS=,; echo "${hosts[*]}")/frontline?targetServerType=primary" ;;
  esac
}

up() {
  for command in etcd patroni haproxy "$PG_BIN/postgres"; do
    command -v "$command" >/dev/null || {
      echo "$command is missing: apt-get install postgresql-15 patroni etcd-server etcd-client haproxy python3-etcd" >&2
      exit 1
    }
  done
  mkdir -p "$HA_DATA" "$pids"
  local i
  for ((i = 0; i < HA_NODES || i < HA_ETCD; i++)); do write_config "$i"; done
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$HA_DATA"; fi
  for ((i = 0; i < HA_ETCD; i++)); do start_etcd "$i"; done
  local started=$SECONDS
  until ETCDCTL_API=3 etcdctl --endpoints="$(etcd_hosts)" endpoint health >/dev/null 2>&1; do
    ((SECONDS - started < 60)) || { echo "etcd did not start; see $HA_DATA/etcd*.log" >&2; exit 1; }
    sleep 0.2
  done
  # The first member bootstraps the cluster; the others are cloned from it.
  start_node 0
  started=$SECONDS
  until [ "$(role_index Leader)" = 0 ]; do
    ((SECONDS - started < 120)) || { echo "node0 did not become the primary; see $(node_dir 0)" >&2; exit 1; }
    sleep 0.5
  done
  for ((i = 1; i < HA_NODES; i++)); do start_node "$i"; done
  start_haproxy
  wait_healthy 180
  patronictl_ list
  echo "FRONTLINE_DB_URL=$(url)"
  echo "FRONTLINE_DB_USER=frontline FRONTLINE_DB_PASSWORD=$HA_APP_PASSWORD"
}

command=${1:-}
shift || true
case "$command" in
  up) up ;;
  stop) stop_all ;;
  down) stop_all; rm -rf "$HA_DATA" ;;
  status) patronictl_ list ;;
  url) url "$@" ;;
  leader) role_index Leader ;;
  sync) role_index "Sync Standby" ;;
  wait-healthy) wait_healthy "$@" ;;
  start-node) start_node "$1" ;;
  stop-node) stop_pid "node$1" ;;
  kill-node) kill_node "$1" ;;
  kill-postmaster) kill_postmaster "$1" ;;
  patronictl) patronictl_ "$@" ;;
  psql) i=$1; shift; PGPASSWORD=$HA_SUPERUSER_PASSWORD psql -h "$(host "$i")" -p "$(pg_port "$i")" -U postgres "$@" ;;
  config) mkdir -p "$HA_DATA"; write_config "$1"; echo "wrote $HA_DATA/etcd$1.env, $(node_dir "$1")/patroni.yml, $HA_DATA/haproxy.cfg" ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 2 ;;
esac

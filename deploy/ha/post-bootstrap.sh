#!/usr/bin/env bash
# Run by Patroni once, on the first primary, after initdb: Frontline's login role and its database (Frontline creates
# its tables with its own migrations, and may hold off triggers for a restore). Patroni creates the replication and
# pg_rewind roles itself. It passes the superuser's connection string as $1; the password comes from the environment
# it was started with (cluster.sh).
set -euo pipefail
psql "$1" -v ON_ERROR_STOP=1 -q -v app_password="$HA_APP_PASSWORD" <<'SQL'
CREATE ROLE frontline LOGIN PASSWORD :'app_password';
CREATE DATABASE frontline OWNER frontline;
-- The restore command loads tables in any order with triggers and foreign keys held off (PostgreSQL 15 lets a
-- role other than a superuser be given that).
GRANT SET ON PARAMETER session_replication_role TO frontline;
SQL

#!/usr/bin/env bash
# Search and list latency at registry scale (default 10 000 000 persons) through the HTTP API, for the
# 成都 account: PeopleSearchBenchmark against a registry prepared once and kept for later runs.
#
#   scripts/benchmark-search-at-scale.sh [persons]
#
# Preparing (first run only): the packaged application creates its schema and demo data in a database of
# its own under target/bench-registry-N (port 54340), the secondary indexes of people_person are dropped,
# the application loads the synthetic persons with COPY and stops, and the indexes are built again, as a
# bulk data migration would do it; then ANALYZE. Ten million persons take about 15 minutes on two cores and
# 12 GB of disk. Later runs reuse the directory.
#
# Run as an ordinary user (PostgreSQL refuses root) with JAVA_HOME at a JDK ≥ 21 and psql on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-10000000}
data="$PWD/target/bench-registry-$people"
dbport=${BENCH_DB_PORT:-54340}
port=${BENCH_PORT:-18090}
db=(psql -h localhost -p "$dbport" -U postgres -d tongxin -v ON_ERROR_STOP=1 -Atq)

# The demo data set is encrypted with the published demo keys; the benchmark must read it with the same.
export TONGXIN_CRYPTO_KEYS_1=ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=
export TONGXIN_CRYPTO_HMACKEY=ZGVtby1vbmx5LWhtYWMta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==

jar() { ls target/tongxin-*.jar | grep -v plain | head -1; }

start_app() { # $1 persons to load, $2 log line to wait for; the application also serves its database
  "$JAVA_HOME/bin/java" -Xmx2g -jar "$(jar)" --server.port="$port" --tongxin.database.embedded.data-directory="$data" \
    --tongxin.database.embedded.port="$dbport" --tongxin.demo.people="$1" > "$data.log" 2>&1 &
  pid=$!
  until grep -q "$2" "$data.log"; do
    sleep 2
    kill -0 "$pid" 2>/dev/null || { tail -50 "$data.log" >&2; exit 1; }
  done
}

stop_app() { kill "$pid"; wait "$pid" 2>/dev/null || true; }

./mvnw -B -q -DskipTests package
if [ ! -d "$data" ]; then
  started=$(date +%s)
  start_app 0 "Started TongxinApplication"
  "${db[@]}" -c "select indexdef || ';' from pg_indexes where tablename = 'people_person'
                  and indexname <> 'people_person_pkey'" > "$data.indexes.sql"
  "${db[@]}" -c "select 'drop index ' || indexname || ';' from pg_indexes where tablename = 'people_person'
                  and indexname <> 'people_person_pkey'" | "${db[@]}"
  stop_app
  start_app "$people" "persons registered twice"
  PGOPTIONS="-c maintenance_work_mem=1GB -c max_parallel_maintenance_workers=2" "${db[@]}" -f "$data.indexes.sql"
  "${db[@]}" -c "vacuum analyze people_person"
  stop_app
  echo "Registry of $people persons prepared in $(( $(date +%s) - started )) s"
fi

# The benchmark's own application context uses the prepared database as an external one.
start_app 0 "Started TongxinApplication"
trap stop_app EXIT
TONGXIN_DB_URL="jdbc:postgresql://localhost:$dbport/tongxin" TONGXIN_DB_USER=postgres TONGXIN_DEMO=on TONGXIN_DEMO_FORCE=true \
  ./mvnw -B verify -Pbench -Dtest=PeopleSearchBenchmark -Dsurefire.failIfNoSpecifiedTests=false

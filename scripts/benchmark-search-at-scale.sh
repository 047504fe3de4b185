#!/usr/bin/env bash
# The registry at national scale for every kind of account: ScopeMatrixBenchmark (and optionally the load
# benchmark) against a registry prepared once and kept for later runs.
#
#   scripts/benchmark-search-at-scale.sh [persons]          default 10 000 000
#   BENCH_LOAD=1 scripts/benchmark-search-at-scale.sh        also 50 sessions for 3 minutes (LoadBenchmark)
#
# The registry is skewed like a national one: 49 cities, a few large (成都, 广州, 上海, 重庆), most small,
# 深圳 light (a few thousand persons), and the newest 2,000,000 ids all in 成都 (one city's bulk import), so
# that a list that walks the primary key instead of its scope's index shows it. Beside it 100,000
# organisations (the newest 20,000 in 成都) and 20,000 events with 1,000,000 registrations.
#
# Preparing (first run only): the packaged application creates its schema and demo data in a database of
# its own under $BENCH_DIR (default target/bench-registry-N; port 54340), the secondary indexes of
# people_person are dropped, the application loads the synthetic persons with COPY and stops, and the
# indexes are built again, as a bulk data migration would do it; then the organisations, events and
# registrations are inserted and everything analysed. Ten million persons take about 30 minutes on two
# cores and 14 GB of disk. Later runs reuse the directory.
#
# Run as an ordinary user (PostgreSQL refuses root) with JAVA_HOME at a JDK ≥ 21 and psql on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-10000000}
newest=$(( people / 5 < 2000000 ? people / 5 : 2000000 ))
data="${BENCH_DIR:-$PWD/target/bench-registry-$people}"
dbport=${BENCH_DB_PORT:-54340}
port=${BENCH_PORT:-18090}
db=(psql -h localhost -p "$dbport" -U postgres -d tongxin -v ON_ERROR_STOP=1 -Atq)

# The demo data set is encrypted with the published demo keys; the benchmark must read it with the same.
export TONGXIN_CRYPTO_KEYS_1=ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q=
export TONGXIN_CRYPTO_HMACKEY=ZGVtby1vbmx5LWhtYWMta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==

jar() { ls target/tongxin-*.jar | grep -v plain | head -1; }

start_app() { # $1 persons to load, $2 log line to wait for; the application also serves its database
  "$JAVA_HOME/bin/java" -Xmx2g -jar "$(jar)" --server.port="$port" --tongxin.database.embedded.data-directory="$data" \
    --tongxin.database.embedded.port="$dbport" --tongxin.demo.people="$1" \
    --tongxin.demo.people-weights=510100:6,440100:6,310000:4,500000:4,440300:0.02 \
    --tongxin.demo.people-newest-city=510100 --tongxin.demo.people-newest="$newest" > "$data.log" 2>&1 &
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
  loaded=$(date +%s)
  PGOPTIONS="-c maintenance_work_mem=1GB -c max_parallel_maintenance_workers=2" "${db[@]}" -f "$data.indexes.sql"
  indexed=$(date +%s)
  "${db[@]}" <<'SQL'
-- Units where the registry's persons live: the programme cities and everything below them.
create temporary table bench_units as
  select u.id, u.unit_d3 from platform_unit u
  where u.level in ('CITY', 'DISTRICT') and u.path <@ any (array(select path from platform_unit where id in (select unit_id from programme_city)));
insert into org_organisation (name, kind, unit_id)
select '基准组织' || g, (array['SOCIAL_ORG', 'INDUSTRY_ASSN', 'FIC'])[1 + g % 3],
       case when g > 80000 then c.ids[1 + g % array_length(c.ids, 1)] else a.ids[1 + g % array_length(a.ids, 1)] end
from generate_series(1, 100000) g,
     (select array_agg(id order by id) ids from bench_units) a,
     (select array_agg(id order by id) ids from bench_units where unit_d3 = 510100 or id = 510100) c
on conflict do nothing;
insert into act_event (unit_id, title, kind, starts_at, ends_at)
select case when g > 15000 then c.ids[1 + g % array_length(c.ids, 1)] else a.ids[1 + g % array_length(a.ids, 1)] end,
       '基准活动' || g, 'TRAINING', now() - interval '700 days' + g * interval '1 hour',
       now() - interval '700 days' + g * interval '1 hour' + interval '2 hours'
from generate_series(1, 20000) g,
     (select array_agg(id order by id) ids from bench_units) a,
     (select array_agg(id order by id) ids from bench_units where unit_d3 = 510100 or id = 510100) c;
insert into act_registration (event_id, person_id, status, channel, code)
select e.first + g % 20000, 1 + (g::bigint * 7919) % p.top, 'REGISTERED', 'STAFF', md5('bench' || g)
from generate_series(1, 1000000) g,
     (select min(id) as first from act_event where title like '基准活动%') e,
     (select max(id) as top from people_person) p
on conflict do nothing;
vacuum analyze;
SQL
  stop_app
  echo "Registry of $people persons prepared in $(( $(date +%s) - started )) s" \
       "(load $(( loaded - started )) s, indexes $(( indexed - loaded )) s)" | tee "$data.prepared"
fi

# The benchmark's own application context uses the prepared database as an external one.
start_app 0 "Started TongxinApplication"
trap stop_app EXIT
export TONGXIN_DB_URL="jdbc:postgresql://localhost:$dbport/tongxin" TONGXIN_DB_USER=postgres TONGXIN_DEMO=on TONGXIN_DEMO_FORCE=true
./mvnw -B verify -Pbench -Dtest=ScopeMatrixBenchmark -Dsurefire.failIfNoSpecifiedTests=false
if [ "${BENCH_LOAD:-0}" = 1 ]; then
  ./mvnw -B verify -Pbench -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.url="http://localhost:$port"
fi

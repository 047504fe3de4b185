#!/usr/bin/env bash
# Cold and warm start of the packaged application to the first ready page (GET /login → 200),
# on the embedded PostgreSQL. Cold = empty data directory (initdb, migrations, demo data);
# warm = the same directory again. Prints the medians and writes docs/benchmarks.md.
# Run as an ordinary user (PostgreSQL refuses root) with JAVA_HOME pointing at a JDK ≥ 21.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
port=${BENCH_PORT:-18080}
dbport=${BENCH_DB_PORT:-55432}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

./mvnw -B -q -DskipTests package
jar=$(ls target/tongxin-*.jar | grep -v plain | head -1)

start_once() { # $1 data directory; prints milliseconds to the first 200 from /login
  local t0 pid ms
  t0=$(date +%s%N)
  "$JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" --tongxin.database.embedded.data-directory="$1" \
    --tongxin.database.embedded.port="$dbport" > "$work/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$port/login"; do
    sleep 0.1
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cold=(); warm=()
for i in $(seq "$runs"); do
  dir="$work/pg-$i"
  cold+=("$(start_once "$dir")")
  warm+=("$(start_once "$dir")")
done
cold_median=$(printf '%s\n' "${cold[@]}" | median)
warm_median=$(printf '%s\n' "${warm[@]}" | median)
echo "cold start to ready page: ${cold[*]} ms (median $cold_median ms)"
echo "warm start to ready page: ${warm[*]} ms (median $warm_median ms)"

cat > docs/benchmarks.md <<MD
# Benchmarks

Measured by \`scripts/benchmark-startup.sh\` on $(date -u +%F), $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1).
Shared, noisy machines: compare medians from one run, not single figures.

## Start-up to a ready page (target: cold start under 15 s on 2 cores)

From launching \`java -jar\` to the first \`200\` from \`GET /login\`, embedded PostgreSQL 17, demo data.

| start | runs (ms) | median |
|---|---|---|
| cold: empty data directory (initdb, Flyway migrations with 3,340 units, demo accounts and sites) | ${cold[*]} | **${cold_median} ms** |
| warm: existing data directory | ${warm[*]} | **${warm_median} ms** |
MD
echo "wrote docs/benchmarks.md"

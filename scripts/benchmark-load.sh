#!/usr/bin/env bash
# Load through the web pages: 50 signed-in sessions (central, sichuan, chengdu, shenzhen, yuzhong) for
# 3 minutes over the realistic mix (people list, 1–3-character name searches, keyset pages, organisations,
# events, the programme overview, /actuator/health, one CSV export of 成都 a minute): LoadBenchmark.
#
#   scripts/benchmark-load.sh [-Dbench.seconds=180] [-Dbench.sessions=50] [-Dbench.load.people=20000] ...
#
# By default the benchmark starts the application itself (random port, embedded PostgreSQL, demo data of
# bench.load.people persons) in the same JVM as the client. Against a running application on this machine:
# -Dbench.url=http://localhost:18090 (loopback only) with TONGXIN_DB_URL at its database, so the figures name
# the registry's size, and -Dbench.label="10 M registry" to keep its section apart from the demo one.
# Prints per route count, errors, p50/p95/p99/max, requests/s and the ratio to /actuator/health, and writes
# the section "## Load: …" of docs/benchmarks.md (-Dbench.docs=false: print only). Fails when any request
# failed (non-2xx, timeout, exception); the times are figures, not assertions.
#
# Run as an ordinary user (the embedded PostgreSQL refuses root) with JAVA_HOME at a JDK ≥ 21.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B verify -Pbench -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"

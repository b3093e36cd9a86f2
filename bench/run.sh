#!/usr/bin/env bash
# The benchmark suite in one command: builds the jar, the driver and the peer, starts Debian's
# PostgreSQL, and runs the driver once per JDK. Results: bench/results/<UTC date>/<jdk>.md.
#
#   bench/run.sh                       # everything, JDK 17 and Temurin 25 (about 25 minutes)
#   SCENARIOS=ingest bench/run.sh      # a subset: ingest, e2e, peer, scale (comma-separated)
#   JDKS=/usr/lib/jvm/temurin-25-jdk-amd64 bench/run.sh
#   SECONDS_PER_RUN=30 bench/run.sh    # longer measured runs (default 20 s)
#   SERVER_JVM_ARGS="-XX:StartFlightRecording=filename=/tmp/sb.jfr,settings=profile" bench/run.sh   # a profile
#
# Needs: wrk, pgbench (postgresql-contrib/postgresql), Debian's postgresql (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
# the driver (and the emulator inside it) stays on one JDK, so that only the server changes
DRIVER_JAVA=${DRIVER_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
SCENARIOS=${SCENARIOS:-ingest,e2e,peer,scale}
OUT=${OUT:-bench/results/$(date -u +%Y-%m-%d)}
log() { printf '\n=== %s: %s\n' "$(date -u +%H:%M:%S)" "$*"; }

missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

log "building the jar, the driver and the peer"
mvn -q -B -DskipTests install
mvn -q -B -f bench/load/pom.xml package
mvn -q -B -f bench/peer/pom.xml package

log "starting PostgreSQL"
version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1); cluster=main
    pg_createcluster "$version" "$cluster" >/dev/null
fi
# pgbench's 256-client ceiling run needs more than the default 100 connections
pg_conftool "$version" "$cluster" set max_connections 400
# the database side of the profile: the report lists the statements that took the most time
pg_conftool "$version" "$cluster" set shared_preload_libraries pg_stat_statements
pg_ctlcluster "$version" "$cluster" restart 2>/dev/null || pg_ctlcluster "$version" "$cluster" start
port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')
psql_() { su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1 -Atc \"$1\" postgres"; }
for _ in $(seq 1 30); do psql_ "select 1" >/dev/null 2>&1 && break; sleep 1; done
psql_ "DROP DATABASE IF EXISTS pgbench_ceiling" && psql_ "CREATE DATABASE pgbench_ceiling"
psql_ "DROP DATABASE IF EXISTS switchboard_bench" && psql_ "DROP ROLE IF EXISTS switchboard_bench"
psql_ "CREATE ROLE switchboard_bench LOGIN PASSWORD 'bench-password'"

mkdir -p "$OUT"
for jdk in $JDKS; do
    label="$("$jdk/bin/java" -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/JDK \1/') ($(basename "$jdk"))"
    log "benchmarking on $label"
    psql_ "DROP DATABASE IF EXISTS switchboard_bench" && psql_ "CREATE DATABASE switchboard_bench OWNER switchboard_bench"
    su postgres -c "psql -q -p $port -d switchboard_bench -c 'CREATE EXTENSION pg_stat_statements'"
    su postgres -c "psql -q -p $port -d switchboard_bench -c 'GRANT pg_read_all_stats TO switchboard_bench'"
    rm -rf "$OUT/data"
    "$DRIVER_JAVA" -Xmx4g -jar bench/load/target/bench.jar --server-java "$jdk/bin/java" --jdk "$label" \
        --pg-url "jdbc:postgresql://127.0.0.1:$port/switchboard_bench" --pg-port "$port" \
        --scenarios "$SCENARIOS" --seconds "${SECONDS_PER_RUN:-20}" --out "$OUT" --bench-dir bench \
        --server-jvm-args "${SERVER_JVM_ARGS:-}"
done
log "results in $OUT"

#!/usr/bin/env bash
# What GET /actuator/auditchain costs on a long disclosure log. From a clean checkout:
#
#   BENCH_PG_PASSWORD=… bench/auditchain.sh          # 1,000,000 records: about 3 minutes to fill
#
# 1. builds the jar and the test classes (skipped with BENCH_SKIP_BUILD=1);
# 2. fills a fresh PostgreSQL database (BENCH_CHAIN_DB, dropped at the end) with BENCH_CHAIN_RECORDS synthetic
#    records through the gateway's own writer, signing a checkpoint every BENCH_CHAIN_EVERY records and one
#    BENCH_CHAIN_TAIL records before the end (vn.gov.prefill.audit.ChainFiller);
# 3. starts the jar on that database with those checkpoints (the demo identity provider signs the operator's
#    token; the node writes no checkpoint of its own during the run);
# 4. times, from curl, GET /actuator/auditchain (from the last checkpoint) BENCH_CHAIN_REPEAT times and
#    GET /actuator/auditchain?full=true (the whole log) twice, and prints a table, also written to
#    bench/results/auditchain-<UTC timestamp>.md and copied to bench/results/latest/auditchain.md.
#
# Knobs: BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER (prefill, needs CREATEDB),
# BENCH_PG_PASSWORD (required), BENCH_CHAIN_DB (prefill_chain_bench), BENCH_CHAIN_RECORDS (1000000),
# BENCH_CHAIN_TAIL (1000), BENCH_CHAIN_EVERY (100000), BENCH_CHAIN_REPEAT (5), BENCH_GATEWAY_PORT (18080).
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
export PGOPTIONS=--client-min-messages=warning PGUSER=${BENCH_PG_USER:-prefill}
export PGPASSWORD=${BENCH_PG_PASSWORD:?is the database role password}
DB=${BENCH_CHAIN_DB:-prefill_chain_bench}
RECORDS=${BENCH_CHAIN_RECORDS:-1000000}
TAIL=${BENCH_CHAIN_TAIL:-1000}
EVERY=${BENCH_CHAIN_EVERY:-100000}
REPEAT=${BENCH_CHAIN_REPEAT:-5}
PORT=${BENCH_GATEWAY_PORT:-18080}
WORK=$(mktemp -d)
GATEWAY_PID=""
log() { printf '%s auditchain: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
cleanup() {
  if [ -n "$GATEWAY_PID" ]; then kill "$GATEWAY_PID" 2>/dev/null; wait "$GATEWAY_PID" 2>/dev/null || true; fi
  psql -h "$PG_HOST" -p "$PG_PORT" -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "building"
  mvn -B -ntp -q -DskipTests package test-compile
fi
JAR=$(ls target/prefill-gateway-*.jar | grep -v -e '\.original$' | head -1)
mvn -B -ntp -q dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test
psql -h "$PG_HOST" -p "$PG_PORT" -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB"
KEY=$(head -c 32 /dev/urandom | base64)
mkdir -p "$WORK/checkpoints"

log "filling $RECORDS records"
fill_started=$(date +%s)
java -cp "target/test-classes:target/classes:$(cat "$WORK/classpath.txt")" vn.gov.prefill.audit.ChainFiller \
  "$URL" "$PGUSER" "$PGPASSWORD" "$RECORDS" "$TAIL" "$EVERY" "$WORK/checkpoints" "$KEY" | grep -v ' DEBUG ' >&2
fill_seconds=$(( $(date +%s) - fill_started ))
size=$(psql -h "$PG_HOST" -p "$PG_PORT" -d "$DB" -tAc "SELECT pg_size_pretty(pg_total_relation_size('disclosure'))")

log "starting the gateway"
SPRING_DATASOURCE_PASSWORD=$PGPASSWORD GATEWAY_AUDIT_CHECKPOINT_KEY=$KEY \
  java -Xms256m -Xmx320m -XX:+UseSerialGC -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
  --gateway.mocks.port=0 --spring.profiles.active=postgres --spring.datasource.url="$URL" \
  --spring.datasource.username="$PGUSER" --gateway.audit.node-id=bench \
  --gateway.audit.checkpoint.directory="$WORK/checkpoints" \
  --gateway.audit.checkpoint.every=1h --gateway.audit.checkpoint.records=1000000000 >"$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
TOKEN=$(curl -sf -H 'Content-Type: application/json' -d '{"operator": true}' "http://127.0.0.1:$PORT/api/v1/demo/tokens" | jq -r .access_token)

time_of() { # path -> seconds, checking the answer is a valid chain
  local seconds
  seconds=$(curl -s -o "$WORK/answer.json" -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$1")
  jq -e '.valid == true' "$WORK/answer.json" >/dev/null || { echo "not valid: $(cat "$WORK/answer.json")" >&2; exit 1; }
  echo "$seconds $(jq -r '"\(.records) \(.verifiedFrom)"' "$WORK/answer.json")"
}
since=(); full=()
for _ in $(seq 1 "$REPEAT"); do since+=("$(time_of /actuator/auditchain)"); done
for _ in 1 2; do full+=("$(time_of '/actuator/auditchain?full=true')"); done

mkdir -p bench/results
OUT=bench/results/auditchain-$(date -u +%Y%m%dT%H%M%SZ).md
{
  echo "GET /actuator/auditchain on a chain of $RECORDS records ($size), last checkpoint $TAIL records before the head;"
  echo "filled in ${fill_seconds} s; $(nproc) cores; PostgreSQL on the same host; times from curl, in seconds."
  echo
  echo "| request | records walked | from seq | times (s) |"
  echo "|---|---|---|---|"
  echo "| \`/actuator/auditchain\` | $(echo "${since[0]}" | cut -d' ' -f2) | $(echo "${since[0]}" | cut -d' ' -f3) | $(printf '%s ' "${since[@]}" | awk '{for (i = 1; i <= NF; i += 3) printf "%s ", $i}') |"
  echo "| \`/actuator/auditchain?full=true\` | $(echo "${full[0]}" | cut -d' ' -f2) | $(echo "${full[0]}" | cut -d' ' -f3) | $(printf '%s ' "${full[@]}" | awk '{for (i = 1; i <= NF; i += 3) printf "%s ", $i}') |"
} | tee "$OUT"
mkdir -p bench/results/latest
cp "$OUT" bench/results/latest/auditchain.md

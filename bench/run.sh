#!/usr/bin/env bash
# The gateway's own cost, measured beside the direct path (issue 13). From a clean checkout:
#
#   bench/run.sh                      # about 12 minutes with the defaults
#   BENCH_SECONDS=5 BENCH_WARMUP=5 BENCH_NOTE="smoke run" bench/run.sh
#
# 1. builds the jar (skipped with BENCH_SKIP_BUILD=1) and installs wrk, gnuplot-nox and jq when missing;
# 2. starts WireMock standalone in its own JVM on loopback, serving a copy of mocks/ in which every stub of a
#    registry answers after that registry's latency (LAT_POPULATION=30, LAT_CIVIL_STATUS=40, LAT_BUSINESS=25,
#    LAT_INSURANCE=35, LAT_DOSSIERS=30 ms), plus the portal JWKS of a key generated for this run;
# 3. starts the jar with the mocks off on PostgreSQL (a fresh database, dropped at the end), the JVM options
#    of deploy/systemd/prefill-gateway.service and rate limits raised for the bench only; every registry is
#    one WireMock host and port here, so they share one camel-http route: its connections are raised to the
#    sum of the registry pools (200), as docs/performance.md, "Pools", says for registries sharing a host;
# 4. finds the personas whose reads succeed for each form, warms up, then drives wrk (bench/requests.lua)
#    at each connection count, the mocks directly with the same reads, and a hanging registry;
# 5. writes bench/results/<UTC timestamp>/{results.json,table.md,plot.png} and copies them to
#    bench/results/latest/. docs/performance.md explains every figure.
#
# Knobs (environment): BENCH_SECONDS (20, per run), BENCH_WARMUP (20 s), BENCH_CONNECTIONS ("16 64 256",
# the forms), BENCH_SMALL_CONNECTIONS ("16 64", suggestions and submissions), BENCH_WRK_THREADS (2),
# BENCH_MOCKS_PORT (18089), BENCH_GATEWAY_PORT (18080), BENCH_DEADLINE_MS (2500, gateway.prefill.deadline),
# BENCH_HANG_SOURCE (insurance), BENCH_HANG_MS (60000), BENCH_HANG_CONNECTIONS (16), BENCH_PG_HOST
# (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER/BENCH_PG_PASSWORD (prefill and a password of your own: the gateway refuses "prefill"; needs CREATEDB),
# BENCH_DB (prefill_bench), BENCH_NOTE (stored in results.json), BENCH_SKIP_BUILD=1, BENCH_JVM_OPTIONS (the
# gateway's JVM options; default: those of deploy/systemd/prefill-gateway.service), BENCH_ONLY=filing (only the
# submission check and filing runs, after a warm-up on them: about 4 minutes; BENCH_ONLY=prefill: the warm-up curve
# and criminal-record-request's runs only, about 4 minutes), BENCH_GATEWAY_ARGS (more arguments for the gateway,
# e.g. --db-scheduler.threads=16, to try a setting), BENCH_BASELINE_JAR (with BENCH_ONLY=prefill: a second gateway from
# that jar, both warmed up and then measured in turns, BENCH_AB_ROUNDS (4) times at each connection count, so that a
# change is judged against its baseline under the same machine conditions; results in latest/prefill-vs-baseline.md;
# BENCH_BASELINE_JVM_OPTIONS: the baseline's JVM options, to compare options on one jar; BENCH_BASELINE_DIR: the checkout
# the baseline runs in, its routes/ and schemas/, by default the one whose target/ holds BENCH_BASELINE_JAR), BENCH_JAR (the jar measured;
# default: the one target/ holds), BENCH_CURVE_SECONDS (120: the warm-up curve, criminal-record-
# request at 16 connections in 10-second windows from the first request after start; 0 skips it), BENCH_JFR=1 (a
# JFR recording of the measured runs, execution samples only (bench/execution-samples.jfc), its hottest frames in
# jfr-top.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUN_SECONDS=${BENCH_SECONDS:-20}
WARMUP_SECONDS=${BENCH_WARMUP:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-16 64 256}
SMALL_CONNECTIONS=${BENCH_SMALL_CONNECTIONS:-16 64}
WRK_THREADS=${BENCH_WRK_THREADS:-2}
MOCKS_PORT=${BENCH_MOCKS_PORT:-18089}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080}
DEADLINE_MS=${BENCH_DEADLINE_MS:-2500}
HANG_SOURCE=${BENCH_HANG_SOURCE:-insurance}
HANG_MS=${BENCH_HANG_MS:-60000}
HANG_CONNECTIONS=${BENCH_HANG_CONNECTIONS:-16}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
export PGOPTIONS=--client-min-messages=warning PGUSER=${BENCH_PG_USER:-prefill} PGPASSWORD=${BENCH_PG_PASSWORD:?is the database role password, never the demo prefill}
DB=${BENCH_DB:-prefill_bench}
NOTE=${BENCH_NOTE:-}
ONLY=${BENCH_ONLY:-}
BASELINE_JAR=${BENCH_BASELINE_JAR:-}
AB_ROUNDS=${BENCH_AB_ROUNDS:-4}
[ -z "$BASELINE_JAR" ] || [ "$ONLY" = prefill ] || { echo "BENCH_BASELINE_JAR needs BENCH_ONLY=prefill" >&2; exit 1; }
[ -z "$BASELINE_JAR" ] || [ -f "$BASELINE_JAR" ] || { echo "BENCH_BASELINE_JAR: no such file: $BASELINE_JAR" >&2; exit 1; }
# the checkout the baseline runs in (its routes/, schemas/, rules/): by default the one whose target/ holds the jar
BASELINE_DIR=${BENCH_BASELINE_DIR:-$( [ -z "$BASELINE_JAR" ] || dirname "$(dirname "$(realpath "$BASELINE_JAR")")")}
[ -z "$BASELINE_JAR" ] || [ -d "$BASELINE_DIR/routes" ] ||
  { echo "BENCH_BASELINE_DIR: the checkout the baseline jar was built from (no routes/ in '$BASELINE_DIR')" >&2; exit 1; }
case $ONLY in ""|filing|prefill) ;; *) echo "BENCH_ONLY: empty (everything), filing or prefill" >&2; exit 1 ;; esac
CURVE_SECONDS=${BENCH_CURVE_SECONDS:-120}
[ "$ONLY" = filing ] && CURVE_SECONDS=0
declare -A LATENCY=(
  [population]=${LAT_POPULATION:-30} [civil-status]=${LAT_CIVIL_STATUS:-40} [business]=${LAT_BUSINESS:-25}
  [insurance]=${LAT_INSURANCE:-35} [dossiers]=${LAT_DOSSIERS:-30})

ISSUER=https://portal.bench.invalid
AUDIENCE=prefill-gateway-bench
MOCKS=http://127.0.0.1:$MOCKS_PORT
GATEWAY=http://127.0.0.1:$GATEWAY_PORT
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$ROOT/bench/results/$STAMP
WORK=$OUT/work
mkdir -p "$WORK"
RUNS=$WORK/runs.jsonl
: >"$RUNS"
log() { printf '%s bench: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- 1. tools and the jar ----------------------------------------------------------------------------------
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n -- "$@"; fi; }
apt_updated=""
ensure_command() { # command package
  command -v "$1" >/dev/null 2>&1 && return
  log "installing $2"
  [ -n "$apt_updated" ] || { as_root apt-get update -qq; apt_updated=1; }
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}
ensure_command wrk wrk
ensure_command gnuplot gnuplot-nox
ensure_command jq jq
ensure_command psql postgresql-client

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  log "building the jar"
  mvn -B -q -DskipTests -Dfrontend.skip package
fi
JAR=${BENCH_JAR:-$(ls target/prefill-gateway-*.jar | grep -v -e '\.original$' | head -1)}
# WireMock standalone and nimbus-jose-jwt: the versions the pom already resolves
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
jar_of() { tr ':' '\n' <"$WORK/classpath.txt" | grep -m1 "/$1-[0-9][^/]*\.jar$"; }
WIREMOCK_JAR=$(jar_of wiremock-standalone)
NIMBUS_JAR=$(jar_of nimbus-jose-jwt)

# --- cleanup: everything started here, bounded in time ------------------------------------------------------
PIDS=()
STARTED_POSTGRES=""
stop_all() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for _ in $(seq 1 20); do
    alive=""
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && break
    sleep 1
  done
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null; done
  psql -h "$PG_HOST" -p "$PG_PORT" -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  [ -z "$BASELINE_JAR" ] || psql -h "$PG_HOST" -p "$PG_PORT" -d postgres -qc "DROP DATABASE IF EXISTS ${DB}_baseline WITH (FORCE)" >/dev/null 2>&1
  if [ -n "$STARTED_POSTGRES" ]; then
    # stopped only when nobody else has started using it meanwhile
    others=$(psql -h "$PG_HOST" -p "$PG_PORT" -d postgres -tAc \
      "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()" 2>/dev/null)
    [ "${others:-1}" = 0 ] && { log "stopping PostgreSQL ($STARTED_POSTGRES)"; as_root pg_ctlcluster $STARTED_POSTGRES stop; }
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL: the one of .ci/run, started when it is installed but down; a fresh database ----------------
if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
  cluster=$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $1 " " $2; exit}')
  [ -n "$cluster" ] || { echo "no PostgreSQL on $PG_HOST:$PG_PORT: run .ci/run once (it installs one), or set BENCH_PG_*" >&2; exit 1; }
  log "starting PostgreSQL $cluster"
  # shellcheck disable=SC2086
  as_root pg_ctlcluster $cluster start
  STARTED_POSTGRES=$cluster
  for _ in $(seq 1 30); do pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break; sleep 1; done
fi
psql -h "$PG_HOST" -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null

# --- 2. the registries in their own JVM ------------------------------------------------------------------------
# personas whose stubs are slow on purpose, change state between calls or break the connection: left out,
# they would measure their own delays and faults instead of the gateway
grep -rlE '"fixedDelayMilliseconds"|"scenarioName"|"fault"' mocks/mappings | xargs grep -ohE '[0-9]{12}' | sort -u \
  >"$WORK/special-personas.txt"
cp -r mocks "$WORK/mocks"
# the registries' credentials are this run's own: with the mocks off the gateway refuses the demo values of mocks/
NDXP_SECRET=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
INSURANCE_KEY=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
DOSSIERS_KEY=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
grep -rlE 'mock-(ndxp-secret|insurance-key|dossiers-key)' "$WORK/mocks/mappings" | xargs sed -i \
  -e "s/mock-ndxp-secret/$NDXP_SECRET/g" -e "s/mock-insurance-key/$INSURANCE_KEY/g" -e "s/mock-dossiers-key/$DOSSIERS_KEY/g"
for source in "${!LATENCY[@]}"; do
  for stub in "$WORK/mocks/mappings/$source"/*.json; do
    # a stub that already has a delay (a persona of a slow registry) keeps its own
    jq --argjson ms "${LATENCY[$source]}" \
      'if .response.fixedDelayMilliseconds then . else .response.fixedDelayMilliseconds = $ms end' "$stub" >"$stub.tmp"
    mv "$stub.tmp" "$stub"
  done
done
# every citizen of the personas but those of the failure scenarios (their faults would count against the
# breakers before the runs); those whose reads do not succeed for a form are dropped per form below
jq -r '.[] | select(.citizenId != null and .accountType == "1")
  | select(.id | test("fault|quota|slow|expired|unknown|mismatch") | not) | .citizenId' mocks/personas.json |
  grep -vxF -f "$WORK/special-personas.txt" |
  java -cp "$NIMBUS_JAR" bench/MintTokens.java "$WORK/mocks" "$ISSUER" "$AUDIENCE" 7200
log "starting WireMock on $MOCKS"
java -Xms256m -Xmx1g -jar "$WIREMOCK_JAR" --port "$MOCKS_PORT" --bind-address 127.0.0.1 --root-dir "$WORK/mocks" \
  --async-response-enabled=true --async-response-threads=400 --container-threads=400 \
  --no-request-journal --disable-request-logging --disable-banner >"$OUT/mocks.log" 2>&1 &
MOCKS_PID=$!
PIDS+=("$MOCKS_PID")
for _ in $(seq 1 60); do curl -sf "$MOCKS/portal/jwks" >/dev/null && break; sleep 1; done
curl -sf "$MOCKS/portal/jwks" >/dev/null || { echo "WireMock did not start: $OUT/mocks.log" >&2; exit 1; }

# --- 4. the gateway ------------------------------------------------------------------------------------------------
JVM_OPTIONS=${BENCH_JVM_OPTIONS:-$(sed -n 's/^ExecStart=[^ ]*java \(.*\) -jar .*/\1/p' deploy/systemd/prefill-gateway.service)}
JFR_OPTION=""
[ "${BENCH_JFR:-}" = 1 ] && JFR_OPTION="-XX:StartFlightRecording=name=bench,settings=$PWD/bench/execution-samples.jfc"
start_gateway() { # jar port database log jfr-option jvm-options directory: starts one gateway, sets STARTED_PID once ready
  local jar=$1 port=$2 db=$3 logfile=$4 jfr=$5 jvm=$6 dir=$7 pid
  jar=$(realpath "$jar")
  log "starting the gateway $jar on http://127.0.0.1:$port ($jvm)"
  # secrets through the environment, not the command line (docs/operations.md)
  # shellcheck disable=SC2086
  SPRING_DATASOURCE_PASSWORD=$PGPASSWORD GATEWAY_PREFILL_TOKEN_SECRET=$(head -c 32 /dev/urandom | base64) \
  GATEWAY_SECURITY_PERSONKEY=$(head -c 32 /dev/urandom | base64) GATEWAY_NDXP_CLIENT_SECRET=$NDXP_SECRET \
  GATEWAY_SOURCES_INSURANCE_APIKEY=$INSURANCE_KEY GATEWAY_SOURCES_DOSSIERS_APIKEY=$DOSSIERS_KEY \
  GATEWAY_HANDLING_CALLBACKSECRET=$(head -c 32 /dev/urandom | base64) GATEWAY_PROFILE_ENCRYPTIONKEY=$(head -c 32 /dev/urandom | base64) \
    bash -c 'cd "$0" && exec "$@"' "$dir" java $jvm $jfr -jar "$jar" \
    --server.address=127.0.0.1 --server.port="$port" \
    --gateway.mocks.enabled=false \
    --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" \
    --spring.datasource.username="$PGUSER" \
    --gateway.prefill.deadline="${DEADLINE_MS}ms" \
    --gateway.audit.node-id=bench \
    --gateway.rate-limits.per-person=1000000 --gateway.rate-limits.per-client=1000000 \
    --camel.component.http.connections-per-route=200 \
    --gateway.security.issuer="$ISSUER" --gateway.security.audience="$AUDIENCE" \
    --spring.security.oauth2.resourceserver.jwt.jwk-set-uri="$MOCKS/portal/jwks" \
    --gateway.ndxp.token-url="$MOCKS/ndxp/token" --gateway.ndxp.client-id=prefill-gateway \
    --gateway.sources.population.base-url="$MOCKS" --gateway.sources.business.base-url="$MOCKS" \
    --gateway.sources.civil-status.base-url="$MOCKS" --gateway.handling.base-url="$MOCKS" \
    --gateway.sources.insurance.base-url="$MOCKS" \
    --gateway.sources.dossiers.base-url="$MOCKS" \
    ${BENCH_GATEWAY_ARGS:-} \
    >"$logfile" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { tail -5 "$logfile" >&2; exit 1; }
    sleep 1
  done
  curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "the gateway is not ready: $logfile" >&2; exit 1; }
  STARTED_PID=$pid
}
start_gateway "$JAR" "$GATEWAY_PORT" "$DB" "$OUT/gateway.log" "$JFR_OPTION" "$JVM_OPTIONS" "$ROOT"
GATEWAY_PID=$STARTED_PID
BUILD_GATEWAY=$GATEWAY BUILD_PID=$GATEWAY_PID
# BENCH_BASELINE_JAR: a second gateway, idle while the first is measured and the other way round (see 5.)
if [ -n "$BASELINE_JAR" ]; then
  psql -h "$PG_HOST" -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 -qc "DROP DATABASE IF EXISTS ${DB}_baseline WITH (FORCE)" \
    -c "CREATE DATABASE ${DB}_baseline" >/dev/null
  # in its own checkout: its routes, schemas and rules are the ones its code expects
  start_gateway "$BASELINE_JAR" "$((GATEWAY_PORT + 1))" "${DB}_baseline" "$OUT/gateway-baseline.log" "" \
    "${BENCH_BASELINE_JVM_OPTIONS:-$JVM_OPTIONS}" "$BASELINE_DIR"
  BASELINE_GATEWAY=http://127.0.0.1:$((GATEWAY_PORT + 1)) BASELINE_PID=$STARTED_PID
fi
side() { # build | baseline: the gateway measure() and settle() talk to
  if [ "$1" = baseline ]; then GATEWAY=$BASELINE_GATEWAY GATEWAY_PID=$BASELINE_PID; else GATEWAY=$BUILD_GATEWAY GATEWAY_PID=$BUILD_PID; fi
}

# --- the forms, their reads and their floors -------------------------------------------------------------------------
# The floor of a prefill is the time its registries alone need: per wave, the slowest registry read in it,
# summed over the waves (reads of one wave run in parallel, waves one after the other). The waves follow
# from the forms' x-prefill bindings (docs/architecture.md):
#   residence-change            population@self                                        30
#   criminal-record-request     population@self | population@father, @mother, @spouse  30 + 30
#   child-health-insurance      civil-status births (the actingFor CHILD check, before the plan) |
#                               population@self, insurance@self, population@child, dossiers@child  40 + 35
#   household-business-registration  population@self, insurance@self (the hanging-registry form)  35
#   suggestions                 population, civil-status events and births, business representatives |
#                               a child's insurance, the spouse's population: 40 + 35 for a caller
#                               with children, so an approximation for the others
#   submission                  no registry read: 0
L_POP=${LATENCY[population]} L_CIV=${LATENCY[civil-status]} L_BUS=${LATENCY[business]}
L_INS=${LATENCY[insurance]} L_DOS=${LATENCY[dossiers]}
max() { local m=$1; shift; for v in "$@"; do [ "$v" -gt "$m" ] && m=$v; done; echo "$m"; }
declare -A FLOOR=(
  [residence-change]=$L_POP
  [criminal-record-request]=$((L_POP + L_POP))
  [child-health-insurance]=$((L_CIV + $(max "$L_POP" "$L_INS" "$L_DOS")))
  [household-business-registration]=$(max "$L_POP" "$L_INS")
  [suggestions]=$(($(max "$L_POP" "$L_CIV" "$L_BUS") + $(max "$L_INS" "$L_POP")))
  [submission]=0 [filing]=0)
# The direct path (see direct() below) needs the mean number of registry reads in flight per prefill:
# the sum of its reads' latencies divided by its floor. calibrate() notes each read's latency.

tokens=$WORK/mocks/tokens.tsv
relative_of() { # number element (Cha, Me, VoChong): that relative's personal number in the population mock
  local xml=mocks/__files/population/$1.xml
  [ -f "$xml" ] || return 0
  tr -d '\n' <"$xml" | grep -o "<dc:$2>.*</dc:$2>" | grep -o '<dc:SoDinhDanh>[0-9]*' | head -1 | sed 's/.*>//' || true
}
children_of() { # number: the children in that parent's births mock
  local file
  file=$(jq -r --arg n "$1" 'select(.request.queryParameters.soDinhDanhChaMe.equalTo == $n) | .response.bodyFileName // empty' \
    mocks/mappings/civil-status/births-*.json | head -1)
  [ -n "$file" ] && [ -f "mocks/__files/$file" ] && jq -r '.ketQua[]?.nguoiDuocKhaiSinh.soDinhDanh // empty' "mocks/__files/$file"
  return 0
}
procedure_of() { jq -r '.["x-form"].procedureCode' "schemas/forms/$1.schema.json"; }
json_headers() { printf 'Authorization: Bearer %s\tContent-Type: application/json' "$1"; }

# The registry reads the routes send (routes/templates/*.yaml, routes/shared/*-headers.yaml), one a line.
read_line() { # source number purpose; notes the read's latency in $READ_LATENCIES
  local base="X-Request-Id: bench-direct	X-Purpose: $3"
  local registry=$1
  [ "$registry" = births ] && registry=civil-status
  echo "${LATENCY[$registry]}" >>"$READ_LATENCIES"
  case $1 in
    population)
      printf 'POST\t/population/v1/soap\t%s\tAuthorization: Bearer mock-ndxp-access-token\t%s\tSOAPAction: "TraCuuThongTinCongDan"\tContent-Type: text/xml; charset=utf-8\n' \
        "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:dc=\"urn:vn:gov:csdldc:v1\"> <soapenv:Header/><soapenv:Body><dc:TraCuuThongTinCongDan> <dc:MaYeuCau>bench-direct</dc:MaYeuCau> <dc:MaDVC>$3</dc:MaDVC> <dc:SoDinhDanh>$2</dc:SoDinhDanh> </dc:TraCuuThongTinCongDan></soapenv:Body></soapenv:Envelope>" "$base" ;;
    births) printf 'GET\t/civil-status/v1/births?soDinhDanhChaMe=%s\t\tAuthorization: Bearer mock-ndxp-access-token\t%s\tAccept: application/json\n' "$2" "$base" ;;
    insurance) printf 'GET\t/insurance/v1/participants/%s\t\tX-Api-Key: %s\t%s\tAccept: application/json\n' "$2" "$INSURANCE_KEY" "$base" ;;
    dossiers) printf 'GET\t/dossiers/v1/documents?soDinhDanhChuSoHuu=%s\t\tX-Api-Key: %s\t%s\tAccept: application/json\n' "$2" "$DOSSIERS_KEY" "$base" ;;
  esac
}

# A persona counts for a form when its prefill answers 200 with every source OK, nothing declared aside (and, for the
# criminal-record request, a second wave). Writes $WORK/<form>.requests and $WORK/<form>.direct.
calibrate() { # form
  local form=$1 purpose number token body answer child relative kept=0
  purpose=$(procedure_of "$form")
  : >"$WORK/$form.requests"
  : >"$WORK/$form.direct"
  READ_LATENCIES=$WORK/$form.latencies
  : >"$READ_LATENCIES"
  while IFS=$'\t' read -r number token; do
    bodies=("")
    [ "$form" = child-health-insurance ] && mapfile -t bodies < <(children_of "$number" |
      while read -r child; do printf '{"actingFor":{"type":"CHILD","citizenId":"%s"}}\n' "$child"; done)
    for body in "${bodies[@]}"; do
      [ "$form" = child-health-insurance ] && [ -z "$body" ] && continue
      answer=$(curl -s -X POST "$GATEWAY/api/v1/forms/$form/prefill" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' ${body:+-d "$body"} -w '\n%{http_code}')
      [ "$(tail -1 <<<"$answer")" = 200 ] || continue
      answer=$(sed '$d' <<<"$answer")
      jq -e '.sources | to_entries | all(.value.status == "OK" or (.key == "declared" and .value.status == "NOT_FOUND"))' <<<"$answer" >/dev/null || continue
      case $form in
        criminal-record-request)
          relatives=()
          for element in Cha Me VoChong; do
            relative=$(relative_of "$number" $element)
            [ -n "$relative" ] && relatives+=("$relative")
          done
          [ ${#relatives[@]} -gt 0 ] || continue
          read_line population "$number" "$purpose" >>"$WORK/$form.direct"
          for relative in "${relatives[@]}"; do read_line population "$relative" "$purpose" >>"$WORK/$form.direct"; done ;;
        child-health-insurance)
          child=$(jq -r .actingFor.citizenId <<<"$body")
          { read_line births "$number" "$purpose"; read_line population "$number" "$purpose"
            read_line insurance "$number" "$purpose"; read_line population "$child" "$purpose"
            read_line dossiers "$child" "$purpose"; } >>"$WORK/$form.direct" ;;
        household-business-registration)
          { read_line population "$number" "$purpose"; read_line insurance "$number" "$purpose"; } >>"$WORK/$form.direct" ;;
        *) read_line population "$number" "$purpose" >>"$WORK/$form.direct" ;;
      esac
      printf 'POST\t/api/v1/forms/%s/prefill\t%s\t%s\n' "$form" "$body" "$(json_headers "$token")" >>"$WORK/$form.requests"
      kept=$((kept + 1))
    done
  done <"$tokens"
  log "$form: $kept personas whose reads succeed"
  [ "$kept" -gt 0 ] || { echo "no persona prefills $form: see $OUT/gateway.log" >&2; exit 1; }
}

# --- 6.-7. one wrk run, with the gateway's CPU and memory --------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$GATEWAY_PID/stat"; }
sys_ticks() { awk '{print $15}' "/proc/$GATEWAY_PID/stat"; }
# the JIT compiler threads' CPU (C1, C2): how much of a window went to compiling rather than serving
jit_ticks() {
  local t sum=0
  for t in /proc/"$GATEWAY_PID"/task/*; do
    case $(cat "$t/comm" 2>/dev/null) in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}'))) ;;
    esac
  done
  echo "$sum"
}
CLK_TCK=$(getconf CLK_TCK)
wrk_run() { # url connections request-file output
  local threads=$WRK_THREADS
  [ "$2" -lt "$threads" ] && threads=$2
  wrk -t"$threads" -c"$2" -d"${RUN_SECONDS}s" --timeout 10s -s bench/requests.lua "$1" -- "$3" >"$4.txt" 2>&1 &&
    grep -q '^{' "$4.txt" || { echo "wrk failed: $4.txt" >&2; cat "$4.txt" >&2; return 1; }
  grep '^{' "$4.txt" | tail -1
}
# Requests wrk left behind at the end of a run are still being answered (or refused) by the gateway:
# wait until its CPU is quiet (at most 15 s), so that they do not count in the next run.
settle() {
  local before
  for _ in $(seq 1 30); do
    before=$(cpu_ticks)
    sleep 0.5
    [ $(($(cpu_ticks) - before)) -le $((CLK_TCK / 50)) ] && return
  done
  return 0
}
measure() { # kind name connections request-file [extra JSON]
  local kind=$1 name=$2 conns=$3 file=$4 extra=${5:-'{}'} cpu0 cpu1 sys0 sys1 jit0 jit1 sampler result
  [ -n "${NO_SETTLE:-}" ] || settle
  log "$kind $name at $conns connections"
  cpu0=$(cpu_ticks); sys0=$(sys_ticks); jit0=$(jit_ticks)
  (while kill -0 "$GATEWAY_PID" 2>/dev/null; do awk '/^VmRSS/ {print $2}' "/proc/$GATEWAY_PID/status"; sleep 0.5; done) >"$WORK/rss.txt" 2>/dev/null &
  sampler=$!
  result=$(wrk_run "$GATEWAY" "$conns" "$file" "$WORK/$kind-$name-$conns")
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  cpu1=$(cpu_ticks); sys1=$(sys_ticks); jit1=$(jit_ticks)
  jq -c --arg kind "$kind" --arg name "$name" --argjson conns "$conns" --argjson floor "${FLOOR[$name]}" \
    --argjson cpu "$((cpu1 - cpu0))" --argjson sys "$((sys1 - sys0))" --argjson jit "$((jit1 - jit0))" --argjson tck "$CLK_TCK" \
    --argjson rssMaxKb "$( (cat "$WORK/rss.txt"; awk '/^VmRSS/ {print $2}' "/proc/$GATEWAY_PID/status") | sort -n | tail -1)" \
    --argjson hwmKb "$(awk '/^VmHWM/ {print $2}' "/proc/$GATEWAY_PID/status")" --argjson extra "$extra" '
    . as $w | ($w.requests / ($w.durationUs / 1e6)) as $rps | {
      kind: $kind, name: $name, connections: $conns, seconds: ($w.durationUs / 1e6),
      requests: $w.requests, throughput: $rps, degraded: ($w.degraded // 0),
      completeThroughput: (if $w.requests > 0
        then $rps * ($w.requests - $w.non2xx - ($w.degraded // 0)) / $w.requests else 0 end),
      p50Ms: $w.p50Ms, p99Ms: $w.p99Ms, p999Ms: $w.p999Ms, maxMs: $w.maxMs,
      floorMs: $floor, overheadP50Ms: ($w.p50Ms - $floor), overheadP99Ms: ($w.p99Ms - $floor),
      idealThroughput: (if $floor > 0 then $conns * 1000 / $floor else null end),
      cpuMsPerRequest: (if $w.requests > 0 then $cpu * 1000 / $tck / $w.requests else null end),
      kernelShareOfCpu: (if $cpu > 0 then $sys / $cpu else null end),
      jitShareOfCpu: (if $cpu > 0 then $jit / $cpu else null end),
      rssMaxMb: ($rssMaxKb / 1024), peakRssProcessLifetimeMb: ($hwmKb / 1024),
      errors: ($w.non2xx + ([$w.socketErrors[]] | add)), non2xx: $w.non2xx, socketErrors: $w.socketErrors
    } + $extra' <<<"$result"
}
# The direct path: the mocks alone, with the reads the kept personas' prefills make. A prefill keeps on
# average sum(latency of its reads) / floor reads in flight (its waves one after the other, the reads of
# a wave in parallel), so C prefill connections become C x that many connections to the mocks, each
# rotating over the form's reads. Reads/s divided by the reads per prefill is then the direct path in
# prefills/s: with mocks that never saturate it equals the ideal (C / floor), and it is lower when the
# mocks are the limit.
direct() { # form connections
  local form=$1 conns reads prefills inflight result
  prefills=$(wc -l <"$WORK/$form.requests")
  reads=$(jq -n "$(wc -l <"$WORK/$form.direct") / $prefills")
  inflight=$(jq -n "($(paste -sd+ "$WORK/$form.latencies")) / ($prefills * ${FLOOR[$form]})")
  conns=$(jq -n "[1, ($2 * $inflight | round)] | max")
  log "direct $form: $conns connections to the mocks"
  result=$(wrk_run "$MOCKS" "$conns" "$WORK/$form.direct" "$WORK/direct-$form-$2")
  jq -c --arg form "$form" --argjson c "$2" --argjson dc "$conns" --argjson reads "$reads" --argjson inflight "$inflight" '
    (.requests / (.durationUs / 1e6)) as $rps | {kind: "direct", name: $form, connections: $c, directConnections: $dc,
      readsPerPrefill: $reads, readsInFlightPerPrefill: $inflight, readsPerSecond: $rps, throughput: ($rps / $reads), p50Ms, p99Ms, p999Ms,
      errors: (.non2xx + ([.socketErrors[]] | add))}' <<<"$result"
}

# --- 5. calibration, warm-up and the runs ----------------------------------------------------------------------------
FORMS=(residence-change criminal-record-request child-health-insurance)
[ "$ONLY" = prefill ] && FORMS=(criminal-record-request)

# The warm-up curve: from the first request after start (the calibration's few dozen prefills aside), the
# criminal-record request at 16 connections in windows of 10 s, each with its throughput and the gateway's CPU per
# prefill (from /proc), so that a restarted node's first minutes can be read beside its steady state.
warmup_curve() {
  local windows=$((CURVE_SECONDS / 10)) w
  [ "$windows" -gt 0 ] || return 0
  log "warm-up curve: $windows windows of 10 s"
  for ((w = 1; w <= windows; w++)); do
    RUN_SECONDS=10 NO_SETTLE=1 measure warmup criminal-record-request 16 "$WORK/criminal-record-request.requests" \
      "{\"window\": $w, \"untilSecond\": $((w * 10))}" >>"$RUNS"
  done
}
JFR_FILE=$OUT/gateway.jfr
# The recording runs from the JVM's start (see JFR_OPTION): started later through jcmd, it left the gateway at a
# third of its throughput for the rest of the run. Only the measured runs' samples are summarised.
jfr_start() { JFR_FROM=$(date +%H:%M:%S); }
jfr_stop() {
  [ "${BENCH_JFR:-}" = 1 ] || return 0
  jcmd "$GATEWAY_PID" JFR.dump name=bench filename="$JFR_FILE" >/dev/null
  # the hottest frames of the measured runs: top of stack, then the gateway's own frames anywhere in the stack
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$JFR_FILE" |
    awk -v from="$JFR_FROM" '/^jdk.ExecutionSample/ {keep = 0} /startTime = / {keep = ($3 >= from)} keep' >"$WORK/jfr.txt"
  { echo "top of stack (samples, frame):"
    awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$WORK/jfr.txt" | sort | uniq -c | sort -rn | head -40
    echo; echo "the gateway's frames anywhere in a stack (samples, frame):"
    awk '/stackTrace = \[/ {delete seen} /vn\.gov\.prefill\./ {f=$0; sub(/^[ \t]+/, "", f); sub(/line:.*/, "", f); if (!(f in seen)) {seen[f]=1; print f}}' \
      "$WORK/jfr.txt" | sort | uniq -c | sort -rn | head -40
    echo; echo "samples: $(grep -c 'stackTrace = \[' "$WORK/jfr.txt")"; } >"$OUT/jfr-top.txt" || true  # head closes its pipe early
}

if [ "$ONLY" = filing ]; then
  calibrate residence-change
elif [ "$ONLY" = prefill ]; then
  calibrate criminal-record-request
  if [ -z "$BASELINE_JAR" ]; then
    warmup_curve
    log "warming up for ${WARMUP_SECONDS}s"
    (RUN_SECONDS=$WARMUP_SECONDS wrk_run "$GATEWAY" 32 "$WORK/criminal-record-request.requests" "$WORK/warmup" >/dev/null)
    jfr_start
    for c in $CONNECTIONS; do
      measure prefill criminal-record-request "$c" "$WORK/criminal-record-request.requests" >>"$RUNS"
    done
    jfr_stop
  else
    # The build against a baseline on the same machine at the same time: both warmed up in turns of 30 s, then
    # measured in turns (build, baseline, build, ...), so that whatever else the machine does falls on both alike.
    log "warming up the build and the baseline for ${WARMUP_SECONDS}s each, in turns of 30 s"
    for ((t = 0; t < WARMUP_SECONDS; t += 30)); do
      for s in build baseline; do
        side $s
        (RUN_SECONDS=$((WARMUP_SECONDS - t < 30 ? WARMUP_SECONDS - t : 30)) wrk_run "$GATEWAY" 32 \
          "$WORK/criminal-record-request.requests" "$WORK/warmup" >/dev/null)
      done
    done
    jfr_start
    for c in $CONNECTIONS; do
      for ((r = 1; r <= AB_ROUNDS; r++)); do
        for s in build baseline; do
          side $s
          measure prefill criminal-record-request "$c" "$WORK/criminal-record-request.requests" \
            "{\"side\": \"$s\", \"round\": $r}" >>"$RUNS"
        done
      done
    done
    side build
    jfr_stop
  fi
else
for form in "${FORMS[@]}" household-business-registration; do calibrate "$form"; done
warmup_curve
: >"$WORK/suggestions.requests"
while IFS=$'\t' read -r number token; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$GATEWAY/api/v1/me/suggestions" -H "Authorization: Bearer $token")
  [ "$code" = 200 ] && printf 'GET\t/api/v1/me/suggestions\t\t%s\n' "$(json_headers "$token")" >>"$WORK/suggestions.requests"
done <"$tokens"

log "warming up for ${WARMUP_SECONDS}s"
cat "$WORK"/{residence-change,criminal-record-request,child-health-insurance}.requests "$WORK/suggestions.requests" |
  shuf >"$WORK/warmup.requests"
(RUN_SECONDS=$WARMUP_SECONDS wrk_run "$GATEWAY" 32 "$WORK/warmup.requests" "$WORK/warmup" >/dev/null)

declare -A BASELINE_RPS=()
jfr_start
for form in "${FORMS[@]}"; do
  for c in $CONNECTIONS; do
    d=$(direct "$form" "$c")
    echo "$d" >>"$RUNS"
    g=$(measure prefill "$form" "$c" "$WORK/$form.requests" \
      "$(jq -c '{directThroughput: .throughput}' <<<"$d")")
    echo "$g" >>"$RUNS"
    BASELINE_RPS[$form-$c]=$(jq .throughput <<<"$g")
  done
done
for c in $SMALL_CONNECTIONS; do
  measure suggestions suggestions "$c" "$WORK/suggestions.requests" \
    '{"floorNote": "approximate: wave 1 civil-status, wave 2 insurance; callers without children or spouse have one wave, the readiness dry runs may add one"}' >>"$RUNS"
done
jfr_stop
fi

if [ "$ONLY" != prefill ]; then
# submissions: a pool of fresh prefills of residence-change, each completed with what no registry holds; the
# requests wrk left in flight at the end of the last run must be answered first, or the prefills come back partial
settle
: >"$WORK/submission.requests"
# (cut, not read: IFS would merge the empty body field with its neighbours)
while read -r line; do
  token=$(grep -o 'Bearer [^[:space:]]*' <<<"$line" | cut -c8-)
  answer=$(curl -s -X POST "$GATEWAY$(cut -f2 <<<"$line")" -H "Authorization: Bearer $token" -H 'Content-Type: application/json')
  submission=$(jq -c '{data: (.data + {request: "Đăng ký thường trú tại chỗ ở mới"}), prefillToken}' <<<"$answer")
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$GATEWAY/api/v1/forms/residence-change/submissions" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$submission")
  [ "$code" = 200 ] && printf 'POST\t/api/v1/forms/residence-change/submissions\t%s\t%s\n' "$submission" \
    "$(json_headers "$token")" >>"$WORK/submission.requests"
done < <(sort -u "$WORK/residence-change.requests")
[ -s "$WORK/submission.requests" ] || { echo "no valid residence-change submission: see $OUT/gateway.log" >&2; exit 1; }
# filing: the same checked forms filed as dossiers (no Idempotency-Key: each request files a new one), delivered
# meanwhile to the handling stub
sed 's#/submissions\t#/dossiers\t#' "$WORK/submission.requests" >"$WORK/filing.requests"
if [ "$ONLY" = filing ]; then
  log "warming up for ${WARMUP_SECONDS}s on submissions and filings"
  cat "$WORK/submission.requests" "$WORK/filing.requests" | shuf >"$WORK/warmup.requests"
  (RUN_SECONDS=$WARMUP_SECONDS wrk_run "$GATEWAY" 32 "$WORK/warmup.requests" "$WORK/warmup" >/dev/null)
fi
# the dossiers filed so far (the warm-up's) are delivered before anything is measured
dossiers_where() { psql -h "$PG_HOST" -p "$PG_PORT" -d "$DB" -tAc "SELECT COUNT(*) FROM dossier WHERE $1"; }
await_no_pending() { # at most 300 s
  for _ in $(seq 1 1500); do [ "$(dossiers_where "status = 'RECEIVED'")" = 0 ] && return; sleep 0.2; done
  return 0
}
await_no_pending
[ "$ONLY" = filing ] && jfr_start
for c in $SMALL_CONNECTIONS; do
  measure submission submission "$c" "$WORK/submission.requests" >>"$RUNS"
done

# --- 8. filing, and whether delivery keeps up ----------------------------------------------------------------------------
# CPU per filing is the gateway's during the wrk run (the deliveries made meanwhile included); the delivery figures
# count the dossiers the database says were delivered from the start of the run until none is pending.
for c in $SMALL_CONNECTIONS; do
  await_no_pending
  settle
  filed0=$(dossiers_where "true"); delivered0=$(dossiers_where "status = 'DELIVERED'")
  (while :; do dossiers_where "status = 'RECEIVED'"; sleep 0.5; done) >"$WORK/pending-$c.txt" 2>/dev/null &
  pending_sampler=$!
  t0=$(date +%s.%N)
  cpu_before=$(cpu_ticks)
  run=$(NO_SETTLE=1 measure filing filing "$c" "$WORK/filing.requests")
  t_wrk=$(date +%s.%N)
  cpu_wrk=$(cpu_ticks); delivered_wrk=$(dossiers_where "status = 'DELIVERED'")
  await_no_pending
  t1=$(date +%s.%N)
  cpu_after=$(cpu_ticks)
  kill "$pending_sampler"; wait "$pending_sampler" 2>/dev/null || true
  filed=$(($(dossiers_where "true") - filed0)); delivered=$(($(dossiers_where "status = 'DELIVERED'") - delivered0))
  jq -c --argjson filed "$filed" --argjson delivered "$delivered" --argjson t0 "$t0" --argjson tw "$t_wrk" --argjson t1 "$t1" \
    --argjson cpu "$((cpu_after - cpu_before))" --argjson tck "$CLK_TCK" \
    --argjson cpuRun "$((cpu_wrk - cpu_before))" --argjson cpuDrain "$((cpu_after - cpu_wrk))" \
    --argjson deliveredRun "$((delivered_wrk - delivered0))" \
    --argjson maxPending "$(sort -n "$WORK/pending-$c.txt" | tail -1)" '
    # a delivery costs what the drain costs per dossier it delivers (nothing is filed meanwhile); a filing alone is the
    # CPU of the run less the deliveries made during it at that cost
    (($delivered - $deliveredRun) as $drained | if $drained > 0 then $cpuDrain * 1000 / $tck / $drained else null end) as $delivery |
    . + {filed: $filed, delivered: $delivered, deliveredPerSecond: ($delivered / ($t1 - $t0)),
         drainSeconds: ($t1 - $tw), maxPending: $maxPending, deliveredDuringRun: $deliveredRun,
         cpuMsPerFilingWithDelivery: (if $filed > 0 then $cpu * 1000 / $tck / $filed else null end),
         cpuMsPerDelivery: $delivery,
         cpuMsPerFilingAlone: (if $filed > 0 and $delivery != null then ($cpuRun * 1000 / $tck - $deliveredRun * $delivery) / $filed else null end)}' \
    <<<"$run" >>"$RUNS"
done
[ "$ONLY" = filing ] && jfr_stop

fi

# --- 9. one registry hangs: a form that needs it and, at the same time, one that does not ----------------------------
if [ -z "$ONLY" ]; then
log "hanging $HANG_SOURCE for ${HANG_MS} ms"
case $HANG_SOURCE in
  insurance) hang_path='/insurance/v1/participants/.*' ;;
  dossiers) hang_path='/dossiers/v1/documents.*' ;;
  *) echo "BENCH_HANG_SOURCE: insurance or dossiers (the forms measured read population)" >&2; exit 1 ;;
esac
hang_id=$(curl -sf -X POST "$MOCKS/__admin/mappings" -H 'Content-Type: application/json' -d "$(jq -nc \
  --arg p "$hang_path" --argjson ms "$HANG_MS" \
  '{priority: 1, request: {urlPathPattern: $p}, response: {status: 200, fixedDelayMilliseconds: $ms, body: "{}"}}')" | jq -r .id)
hang_form=household-business-registration
other_form=residence-change
# the two wrk runs overlap; the CPU and memory figures of the hanging run cover both
settle
NO_SETTLE=1 measure prefill "$other_form" "$HANG_CONNECTIONS" "$WORK/$other_form.requests" >"$WORK/hang-other.json" &
other=$!
NO_SETTLE=1 measure prefill "$hang_form" "$HANG_CONNECTIONS" "$WORK/$hang_form.requests" >"$WORK/hang-form.json"
wait "$other"
curl -sf -X DELETE "$MOCKS/__admin/mappings/$hang_id" >/dev/null || true
jq -c --arg s "$HANG_SOURCE" --argjson d "$DEADLINE_MS" \
  '. + {kind: "hang", hangingSource: $s, deadlineMs: $d, target: "p99 <= deadline + 50 ms", met: (.p99Ms <= $d + 50)}' \
  "$WORK/hang-form.json" >>"$RUNS"
jq -c --arg s "$HANG_SOURCE" --argjson base "${BASELINE_RPS[$other_form-$HANG_CONNECTIONS]:-null}" \
  '. + {kind: "hang-other", hangingSource: $s, baselineThroughput: $base,
        throughputVsBaseline: (if $base then .throughput / $base else null end)}' "$WORK/hang-other.json" >>"$RUNS"
fi

# --- 10. results.json, table.md, plot.png --------------------------------------------------------------------------------
commit=$(git rev-parse HEAD)
git diff --quiet HEAD -- src routes schemas pom.xml || commit="$commit (with uncommitted changes)"
jq -s --arg note "$NOTE" --arg stamp "$STAMP" --arg nproc "$(nproc)" \
  --arg cpu "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')" --arg kernel "$(uname -r)" \
  --arg java "$(java -version 2>&1 | head -1)" --arg commit "$commit" --arg jvm "$JVM_OPTIONS" \
  --argjson seconds "$RUN_SECONDS" --argjson warmup "$WARMUP_SECONDS" --argjson deadline "$DEADLINE_MS" \
  --argjson latency "$(for s in "${!LATENCY[@]}"; do printf '{"%s": %s}' "$s" "${LATENCY[$s]}"; done | jq -s add)" '
  {timestamp: $stamp, note: (if $note == "" then null else $note end),
   machine: {nproc: ($nproc | tonumber), cpu: $cpu, kernel: $kernel, java: $java, gitCommit: $commit},
   settings: {secondsPerRun: $seconds, warmupSeconds: $warmup, registryLatencyMs: $latency, deadlineMs: $deadline,
              gatewayJvm: $jvm, database: "PostgreSQL", mocks: "WireMock standalone, own JVM, async responses"},
   runs: map(if .directThroughput then . + {vsDirect: (.throughput / .directThroughput),
                                           vsIdeal: (.throughput / .idealThroughput),
                                           vsLesser: (.completeThroughput / ([.directThroughput, .idealThroughput] | min))} else . end)}' \
  "$RUNS" >"$OUT/results.json"

jq -r '
  def f(n): if . == null then "–" else (. * pow(10; n) | round / pow(10; n) | tostring) end;
  (if .note then "_\(.note)_\n\n" else "" end) +
  "| run | connections | req/s | complete/s | ideal | direct | vs lesser | p50 | p99 | p99.9 | overhead p50 / p99 | CPU ms/req | max RSS | errors | degraded |\n" +
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n" +
  ([.runs[] | select(.kind != "direct" and .kind != "warmup") |
    "| \(.kind) \(.name)\(if .side then " (\(.side), round \(.round))" else "" end) | \(.connections) | \(.throughput | f(0)) | \(.completeThroughput | f(0)) | \(.idealThroughput | f(0)) | \(.directThroughput | f(0)) | " +
    "\(.vsLesser | f(2)) | \(.p50Ms | f(1)) | \(.p99Ms | f(1)) | \(.p999Ms | f(1)) | " +
    "\(.overheadP50Ms | f(1)) / \(.overheadP99Ms | f(1)) | \(.cpuMsPerRequest | f(2))\(if .kernelShareOfCpu then " (\(.kernelShareOfCpu * 100 | round) % in the kernel)" else "" end) | \(.rssMaxMb | f(0)) MB | \(.errors) | \(.degraded) |"] | join("\n")) +
  (if any(.runs[]; .kind == "direct") then
  "\n\nDirect path (the mocks alone, the same reads):\n\n| form | connections | mock connections | reads/s | prefills/s equivalent | p50 | p99 | errors |\n|---|---|---|---|---|---|---|---|\n" +
  ([.runs[] | select(.kind == "direct") |
    "| \(.name) | \(.connections) | \(.directConnections) | \(.readsPerSecond | f(0)) | \(.throughput | f(0)) | \(.p50Ms | f(1)) | \(.p99Ms | f(1)) | \(.errors) |"] | join("\n"))
  else "" end) +
  ([.runs[] | select(.kind == "hang") | "\n\nHanging \(.hangingSource): \(.name) p99 \(.p99Ms | f(0)) ms (deadline \(.deadlineMs) ms + 50: \(if .met then "met" else "missed" end)); "] | join("")) +
  ([.runs[] | select(.kind == "hang-other") | "\(.name) at the same time \(.throughput | f(0)) req/s, \(.throughputVsBaseline | f(2)) of its run without the hang"] | join("")) +
  (if any(.runs[]; .side) then
  "\n\nBuild against baseline, measured in turns (medians of the rounds; CPU ms per prefill of each round in order):\n\n" +
  "| connections | side | prefills/s | CPU ms/prefill | p50 / p99 ms | CPU of each round | CPU in the kernel |\n|---|---|---|---|---|---|---|\n" +
  ([.runs[] | select(.side)] | group_by([.connections, .side]) | map(
    def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 end;
    "| \(.[0].connections) | \(.[0].side) | \(map(.throughput) | median | f(0)) | \(map(.cpuMsPerRequest) | median | f(2)) | " +
    "\(map(.p50Ms) | median | f(1)) / \(map(.p99Ms) | median | f(1)) | \(map(.cpuMsPerRequest | f(2)) | join(", ")) | \(map(.kernelShareOfCpu) | median * 100 | round) % |") | join("\n"))
  else "" end) +
  ([.runs[] | select(.kind == "prefill" and .name == "criminal-record-request" and .connections == 16 and (.side // "build") == "build") | .throughput] | first) as $steady |
  (if any(.runs[]; .kind == "warmup") then
  "\n\nWarm-up (criminal-record-request at 16 connections, from the first request after start, 10-second windows; " +
  "steady state: the run at 16 above\(if $steady then ", \($steady | f(0)) /s" else "" end)):\n\n" +
  "| until second | prefills/s | of steady | p50 | p99 | CPU ms/prefill | of it, the JIT compilers |\n|---|---|---|---|---|---|---|\n" +
  ([.runs[] | select(.kind == "warmup") |
    "| \(.untilSecond) | \(.throughput | f(0)) | \(if $steady then (.throughput / $steady | f(2)) else "–" end) | \(.p50Ms | f(1)) | \(.p99Ms | f(1)) | \(.cpuMsPerRequest | f(2)) | \(if .jitShareOfCpu then "\(.jitShareOfCpu * 100 | round) %" else "–" end) |"] | join("\n")) +
  ([.runs[] | select(.kind == "warmup" and $steady != null and .throughput >= 0.8 * $steady) | .untilSecond] | first |
    if . then "\n\n80 % of steady state within \(.) s of the first request." else "\n\n80 % of steady state not reached in the curve." end)
  else "" end) +
  ([.runs[] | select(.kind == "submission") | {key: (.connections | tostring), value: .cpuMsPerRequest}] | from_entries) as $check |
  (if any(.runs[]; .kind == "filing") then "\n\nFiling, and delivery to the handling stub meanwhile:\n\n| connections | filings/s | p50 | p99 | CPU ms/filing | vs a submission check | with the deliveries drained | a filing alone (vs a check) | a delivery | filed | delivered | delivered/s | max pending | drained after |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n" +
  ([.runs[] | select(.kind == "filing") |
    "| \(.connections) | \(.throughput | f(0)) | \(.p50Ms | f(1)) | \(.p99Ms | f(1)) | \(.cpuMsPerRequest | f(2)) | " +
    "\(if $check[.connections | tostring] then (.cpuMsPerRequest / $check[.connections | tostring] | f(2)) + "×" else "–" end) | " +
    "\(.cpuMsPerFilingWithDelivery | f(2)) ms | \(.cpuMsPerFilingAlone | f(2)) ms" +
    "\(if $check[.connections | tostring] and .cpuMsPerFilingAlone then " (" + (.cpuMsPerFilingAlone / $check[.connections | tostring] | f(2)) + "×)" else "" end) | " +
    "\(.cpuMsPerDelivery | f(2)) ms | \(.filed) | \(.delivered) | \(.deliveredPerSecond | f(0)) | \(.maxPending) | \(.drainSeconds | f(1)) s |"] | join("\n")) else "" end) + "\n"
' "$OUT/results.json" >"$OUT/table.md"

if [ -z "$ONLY" ]; then
for form in "${FORMS[@]}"; do
  jq -r --arg f "$form" '.runs[] | select(.kind == "prefill" and .name == $f) |
    "\(.connections) \(.overheadP50Ms) \(.overheadP99Ms) \(.cpuMsPerRequest)"' "$OUT/results.json" | sort -n >"$WORK/plot-$form.dat"
done
gnuplot <<EOF
set terminal pngcairo size 1400,560 font ",10" noenhanced
set output "$OUT/plot.png"
set multiplot layout 1,2 title "prefill gateway: own cost over the floor${NOTE:+ ($NOTE)}"
set logscale x 2
set xrange [12:360]
set xtics (16, 64, 256)
set xlabel "connections"
set grid
set key top left
set ylabel "overhead over the floor (ms)"
set yrange [0:*]
plot $(n=0; for form in "${FORMS[@]}"; do n=$((n + 1))
  printf '"%s" using 1:2 with linespoints lc %d pt 7 title "%s p50", "%s" using 1:3 with linespoints lc %d pt 5 dashtype 2 title "%s p99", ' \
    "$WORK/plot-$form.dat" $n "$form" "$WORK/plot-$form.dat" $n "$form"; done | sed 's/, $//')
set ylabel "gateway CPU per prefill (ms)"
plot $(n=0; for form in "${FORMS[@]}"; do n=$((n + 1))
  printf '"%s" using 1:4 with linespoints lc %d pt 7 title "%s", ' "$WORK/plot-$form.dat" $n "$form"; done | sed 's/, $//')
unset multiplot
EOF
fi

mkdir -p bench/results/latest
if [ -n "$ONLY" ]; then
  latest=$ONLY
  [ -z "$BASELINE_JAR" ] || latest=$ONLY-vs-baseline
  cp "$OUT/results.json" "bench/results/latest/$latest.json"
  cp "$OUT/table.md" "bench/results/latest/$latest.md"
else
  cp "$OUT/results.json" "$OUT/table.md" "$OUT/plot.png" bench/results/latest/
fi
cat "$OUT/table.md"
log "results in $OUT (and bench/results/latest)"

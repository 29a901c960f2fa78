#!/usr/bin/env bash
# Replays a month of prefills and submissions across the personas THROUGH THE API, then files dossiers
# (online and at two one-stop desks) and rates them, so that the demo dashboard (/dashboard) is never empty. Demo mode only (it mints tokens with POST /api/v1/demo/tokens).
# Each request carries X-Demo-Days-Ago (0-29, honoured only while gateway.mocks.enabled is true), which
# dates the indicator rows of that prefill or submission that many days back; everything else (the
# disclosure log, tokens, latencies) happens now, through the same endpoints a front end calls.
#
#   bench/seed-month.sh [base-url] [prefills-per-day]      (defaults: http://localhost:8080, 12)
#   MONTHS=3 bench/seed-month.sh                           (also the two months before, for the trend)
#   DOSSIERS=0 bench/seed-month.sh                         (no dossiers; default 24, filed today: a dossier's
#                                                           time is the gateway's own, never backdated)
set -euo pipefail
BASE=${1:-http://localhost:8080}
PER_DAY=${2:-12}
MONTHS=${MONTHS:-1}
DOSSIERS=${DOSSIERS:-24}
command -v jq >/dev/null || { echo "seed-month.sh needs jq" >&2; exit 1; }

token() { # persona [signedInSecondsAgo]
  curl -sf -X POST "$BASE/api/v1/demo/tokens" -H 'Content-Type: application/json' \
    -d "{\"persona\": \"$1\", \"signedInSecondsAgo\": ${2:-60}}" | jq -r .access_token
}

# persona | form | prefill body | what the citizen adds that no registry holds (jq object merged into data)
CASES=(
  'hoa|criminal-record-request|{}|{"purpose": "Xin việc", "certificateType": 1}'
  'lan|criminal-record-request|{}|{"purpose": "Bổ sung hồ sơ", "certificateType": 1}'
  'thu|criminal-record-request|{}|{"purpose": "Xin việc", "certificateType": 2}'
  'tam|criminal-record-request|{}|{"purpose": "Định cư", "certificateType": 1}'
  'hoa|residence-change|{}|{"request": "Đăng ký thường trú tại chỗ ở mới"}'
  'hoa|household-business-registration|{}|{"business": {"name": "Hộ kinh doanh Hoa Sen", "location": "Phường Kinh Bắc, Tỉnh Bắc Ninh", "capital": 50000000, "workers": 2, "startDate": "2026-01-05", "lines": [{"code": "5610", "name": "Nhà hàng và dịch vụ ăn uống", "main": true}]}}'
  'binh|birth-registration|{}|{"child": {"fullName": "TRẦN MINH KHÔI", "dateOfBirth": "2026-10-02", "sex": "NAM", "ethnicity": "01", "nationality": "VN", "placeOfBirth": "Bệnh viện Sản - Nhi Bắc Ninh"}}'
  'hoa|child-health-insurance|{"actingFor": {"type": "CHILD", "citizenId": "027224009876"}}|{}'
  'binh|enterprise-change-notice|{"actingFor": {"type": "ENTERPRISE", "enterpriseCode": "0100233488"}}|{"changes": "Thay đổi địa chỉ trụ sở chính"}'
  'lan|enterprise-change-notice|{"actingFor": {"type": "ENTERPRISE", "enterpriseCode": "0101987657"}}|{"changes": "Thay đổi địa chỉ trụ sở chính"}'
  'insurance-fault|household-business-registration|{}|{"business": {"name": "Hộ kinh doanh Hoa Sen", "location": "Phường Kinh Bắc, Tỉnh Bắc Ninh", "capital": 50000000, "workers": 2, "startDate": "2026-01-05", "lines": [{"code": "5610", "name": "Nhà hàng và dịch vụ ăn uống", "main": true}]}}'
  'population-fault|criminal-record-request|{}|{"purpose": "Xin việc", "certificateType": 1}'
)

prefills=0 submissions=0 valid=0
for ((day = 30 * MONTHS - 1; day >= 0; day--)); do
  # fewer on weekends, a slow start of the month
  n=$PER_DAY
  (( (day % 7) == 5 || (day % 7) == 6 )) && n=$((PER_DAY / 3))
  for ((i = 0; i < n; i++)); do
    IFS='|' read -r persona form body extra <<<"${CASES[$(( (RANDOM + i) % ${#CASES[@]} ))]}"
    # signed in 1 to 9 minutes before submitting
    tok=$(token "$persona" $(( 60 + RANDOM % 480 )))
    answer=$(curl -s -X POST "$BASE/api/v1/forms/$form/prefill" -H "Authorization: Bearer $tok" \
      -H "X-Demo-Days-Ago: $day" -H 'Content-Type: application/json' -d "$body")
    prefills=$((prefills + 1))
    ptoken=$(jq -r '.prefillToken // empty' <<<"$answer")
    # one in eight leaves without submitting
    [ -z "$ptoken" ] || (( RANDOM % 8 == 0 )) && continue
    # the citizen completes the form; one in five re-types the current residence the registry had filled
    data=$(jq --argjson extra "$extra" '.data * $extra' <<<"$answer")
    if (( RANDOM % 5 == 0 )); then
      data=$(jq 'if (.applicant.currentResidence? // null) != null
                 then .applicant.currentResidence = {"text": "Số 1 phố Mới, Phường Kinh Bắc, Tỉnh Bắc Ninh"} else . end' <<<"$data")
    fi
    code=$(jq -n --argjson d "$data" --arg t "$ptoken" '{data: $d, prefillToken: $t}' |
      curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/forms/$form/submissions" \
        -H "Authorization: Bearer $tok" -H "X-Demo-Days-Ago: $day" -H 'Content-Type: application/json' -d @-)
    submissions=$((submissions + 1))
    [ "$code" = 200 ] && valid=$((valid + 1))
  done
  printf '\rday -%-3s  %s prefills, %s submissions (%s valid)' "$day" "$prefills" "$submissions" "$valid"
done
echo

# Dossiers: every third one filed at a one-stop desk (an officer's token, the citizen's beside it in
# X-Citizen-Authorization), alternately at two units; each rated after filing, and after its result
# once the demo handling system has called back (about 7 s), mostly satisfied.
officer() { # officerCode unitCode unitName
  curl -sf -X POST "$BASE/api/v1/demo/tokens" -H 'Content-Type: application/json' \
    -d "{\"officer\": true, \"officerCode\": \"$1\", \"unitCode\": \"$2\", \"unitName\": \"$3\"}" | jq -r .access_token
}
DESKS=("$(officer CB.27.0042 000.27.31.H09 'Bộ phận Một cửa phường Kinh Bắc')"
       "$(officer CB.27.0107 000.27.45.H09 'Bộ phận Một cửa phường Võ Cường')")
FILERS=(hoa lan thu tam)
SCORES=(5 5 4 5 4 3 5 4 2 5)
COMMENTS=('Nhanh, không phải khai lại gì.' 'Cán bộ hướng dẫn tận tình.' '' 'Chờ kết quả hơi lâu.' '')
filed_ids=() filed_tokens=() filed=0 desk=0 rated=0
for ((i = 0; i < DOSSIERS; i++)); do
  persona=${FILERS[$((i % ${#FILERS[@]}))]}
  tok=$(token "$persona")
  auth=(-H "Authorization: Bearer $tok")
  if (( i % 3 == 2 )); then
    auth=(-H "Authorization: Bearer ${DESKS[$(( (i / 3) % 2 ))]}" -H "X-Citizen-Authorization: Bearer $tok")
    desk=$((desk + 1))
  fi
  answer=$(curl -s -X POST "$BASE/api/v1/forms/criminal-record-request/prefill" "${auth[@]}")
  body=$(jq '{data: (.data + {purpose: "Xin việc", certificateType: 1}), prefillToken}' <<<"$answer")
  id=$(curl -s -X POST "$BASE/api/v1/forms/criminal-record-request/dossiers" "${auth[@]}" \
    -H 'Content-Type: application/json' -d "$body" | jq -r '.dossierId // empty')
  [ -n "$id" ] || continue
  filed=$((filed + 1)); filed_ids+=("$id"); filed_tokens+=("$tok")
  # four in five rate the filing; the citizen rates, on their own token
  (( RANDOM % 5 == 0 )) && continue
  rating=$(jq -n --argjson s "${SCORES[$((RANDOM % ${#SCORES[@]}))]}" --arg c "${COMMENTS[$((RANDOM % ${#COMMENTS[@]}))]}" \
    '{stage: "FILING", score: $s, items: {easy: $s}} + (if $c == "" then {} else {comment: $c} end)')
  code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/me/dossiers/$id/rating" \
    -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' -d "$rating")
  [ "$code" = 201 ] && rated=$((rated + 1))
done
if (( filed > 0 )); then
  sleep 10
  for ((i = 0; i < ${#filed_ids[@]}; i++)); do
    (( RANDOM % 2 == 0 )) && continue
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/api/v1/me/dossiers/${filed_ids[$i]}/rating" \
      -H "Authorization: Bearer ${filed_tokens[$i]}" -H 'Content-Type: application/json' \
      -d "{\"stage\": \"RESULT\", \"score\": ${SCORES[$((RANDOM % ${#SCORES[@]}))]}}")
    [ "$code" = 201 ] && rated=$((rated + 1))
  done
fi
echo "$filed dossiers filed today ($desk at a desk), $rated ratings"
echo "open $BASE/dashboard and sign in with the demo button"

#!/usr/bin/env bash
# Measures Throughcare under load on this machine: a Release build of the web host on the demo partnership,
# driven by wrk from a second process on loopback. Prints figures; never fails on time.
#   bash bench/http-load.sh                 # SQLite
#   BENCH_POSTGRES="Host=localhost;Database=throughcare_bench;Username=throughcare;Password=throughcare" bash bench/http-load.sh
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${BENCH_SECONDS:-20}
connections=${BENCH_CONNECTIONS:-50}
port=5090
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }

data=$(mktemp -d)
export ASPNETCORE_ENVIRONMENT=Demo ASPNETCORE_URLS="http://localhost:$port" Throughcare__DataDirectory="$data" Logging__LogLevel__Default=Warning
export Throughcare__RateLimits__SignInPerMinute=1000
if [ -n "${BENCH_POSTGRES:-}" ]; then export Database__Provider=PostgreSql ConnectionStrings__Throughcare="$BENCH_POSTGRES"; fi
dotnet build src/Throughcare.Web -c Release -nologo -v quiet >/dev/null
# The project folder is the content root: settings, pages and static files are found there.
(cd src/Throughcare.Web && exec dotnet bin/Release/net10.0/Throughcare.Web.dll) >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf "http://localhost:$port/health/ready" >/dev/null && break; sleep 1; done

jar="$data/cookies"
token() { curl -s -c "$jar" -b "$jar" "http://localhost:$port$1" | grep -o '__RequestVerificationToken[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=practitioner@demo.throughcare.test" \
  --data-urlencode "Input.Password=Partnership-Demo-2026" --data-urlencode "__RequestVerificationToken=$(token /sign-in)" "http://localhost:$port/sign-in"
cookie=$(awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}' "$jar"; awk '/^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$jar")
search_token=$(token /people)
person=$(curl -s -b "$jar" -c "$jar" --data-urlencode "Input.Name=rahman" --data-urlencode "__RequestVerificationToken=$search_token" \
  "http://localhost:$port/people" | grep -o 'href="/people/[0-9a-f-]\{36\}"' | head -1 | sed 's/href="//;s/"//')
[ -n "$person" ] || { echo "could not sign in and find the demo person"; exit 1; }

cat >"$data/search.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "Input.Name=rahman&__RequestVerificationToken=$search_token"
LUA

run() {
  local label=$1; shift
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency -H "Cookie: $cookie" "$@" 2>&1)
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '%-44s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "Throughcare load, ${connections} connections, ${duration}s each, $(nproc) cores, database ${Database__Provider:-Sqlite}"
run "GET /health/live (no database)" "http://localhost:$port/health/live"
run "GET /people/{id} (read + audit insert)" "http://localhost:$port$person"
run "POST /people search (read + audit per result)" -s "$data/search.lua" "http://localhost:$port/people"
audit=$(cd src/Throughcare.Web && dotnet bin/Release/net10.0/Throughcare.Web.dll verify-audit 2>&1 | tail -1)
echo "after the run: $audit"

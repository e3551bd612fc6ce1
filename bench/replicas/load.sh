#!/usr/bin/env bash
# Drives the pair that up.sh started, through HAProxy, then one node alone, with wrk on a few pages, and shows from
# PostgreSQL's own counters which server answered the reads. Prints figures; never fails on time.
#   bash bench/replicas/load.sh      # BENCH_SECONDS (10) and BENCH_CONNECTIONS (50) change the run
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/replicas/settings.sh
duration=${BENCH_SECONDS:-10}
connections=${BENCH_CONNECTIONS:-50}
proxy="http://127.0.0.1:$proxy_port"
curl -sf "$proxy/health/ready" >/dev/null || { echo "nothing answers on $proxy: run bench/replicas/up.sh first"; exit 1; }

# Signed in once, through the proxy; the cookie is sent to both nodes (their data-protection keys are shared), and
# without HAProxy's node cookie, so that the requests alternate between them.
jar="$state/cookies"
rm -f "$jar"
token() { curl -s -c "$jar" -b "$jar" "$proxy$1" | grep -o '__RequestVerificationToken[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=practitioner@demo.throughcare.test" \
  --data-urlencode "Input.Password=Partnership-Demo-2026" --data-urlencode "__RequestVerificationToken=$(token /sign-in)" "$proxy/sign-in"
cookie=$( (awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}' "$jar"; awk '/^#HttpOnly_/ {printf "%s=%s; ", $6, $7}' "$jar") | tr ';' '\n' | grep -v THROUGHCARE_NODE | tr '\n' ';')
episode=$(curl -s -H "Cookie: $cookie" "$proxy/my-cases" | grep -o 'href="/episodes/[0-9a-f-]\{36\}"' | head -1 | sed 's/href="//;s/"//')
[ -n "$episode" ] || { echo "could not sign in and find an episode on My cases"; exit 1; }
for port in "$node1_port" "$node2_port"; do
  printf 'the cookie on node %s: GET /my-cases answers %s\n' "$port" "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port/my-cases")"
done

transactions() { su postgres -c "psql -p $1 -qAtX -c \"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$database'\""; }
run() {
  local label=$1 url=$2 out rps p50 p99 non2xx
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -H "Cookie: $cookie" "$url" 2>&1)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '  %-38s %9s req/s   p50 %8s   p99 %8s   non-2xx %s\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}"
}
pages() {
  local base=$1 before_primary before_replica
  before_primary=$(transactions "$primary_port"); before_replica=$(transactions "$replica_port")
  run "GET /my-cases (replica)" "$base/my-cases"
  run "GET /people/organisation (replica)" "$base/people/organisation"
  run "GET /referrals (replica)" "$base/referrals"
  run "GET /episodes/{id} (primary)" "$base$episode"
  echo "  transactions in $database: primary +$(( $(transactions "$primary_port") - before_primary )), replica +$(( $(transactions "$replica_port") - before_replica ))"
}

echo "Throughcare scale-out on loopback: ${connections} connections, ${duration}s a page, $(nproc) cores"
echo "two nodes through HAProxy ($proxy):"
pages "$proxy"
echo "one node alone (http://127.0.0.1:$node1_port):"
pages "http://127.0.0.1:$node1_port"
echo "replication: $(su postgres -c "psql -p $primary_port -qAtX -c \"SELECT application_name || ' ' || state || ', replay lag ' || coalesce(replay_lag::text, '0') FROM pg_stat_replication\"")"

#!/usr/bin/env bash
# Runs Throughcare's whole test suite: format check, build, then every test on SQLite and again on PostgreSQL.
# Installs what it needs when missing (Debian's PostgreSQL, Chromium, aiosmtpd (a real SMTP server for the e-mail tests) and a Java
# runtime (for the W3C HTML checker the browser journeys run), the npm packages, the dotnet tools),
# so it works on a fresh Debian 12 machine. `.ci/run` calls exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the packaged cluster and make a role that may create one database per test class.
cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if ! pg_lsclusters --no-header | grep -q online; then as_root pg_ctlcluster $cluster start; fi
for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'throughcare'\" | grep -q 1 || psql -qc \"CREATE ROLE throughcare LOGIN PASSWORD 'throughcare' CREATEDB\""
postgres="Host=localhost;Username=throughcare;Password=throughcare;Database=postgres"

# vnu-jar's install script would fetch a Java runtime; Debian's is used instead, so npm runs no install scripts.
[ -d node_modules/govuk-frontend ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] || npm ci --no-audit --no-fund --ignore-scripts
dotnet tool restore >/dev/null

echo "== format check"
dotnet format Throughcare.slnx --verify-no-changes

echo "== build"
dotnet build Throughcare.slnx -warnaserror -nologo -v quiet

results=artifacts/test-results
rm -rf "$results"
run_suite() {
  local name=$1
  echo "== tests on $name"
  set +e
  # A failed test prints its message and the top of its stack; the server's own errors go to a log printed on failure.
  # Dynamic PGO instruments hot methods before it optimises them: in a test run, where hundreds of short-lived hosts
  # each warm up once, that instrumentation cost about a fifth of the suite's CPU (472 s against 379 s on SQLite).
  DOTNET_TieredPGO=0 \
  THROUGHCARE_TEST_ERROR_LOG="$PWD/$results-$name-server-errors.log" \
    dotnet test tests/Throughcare.Tests --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 \
    | tee "$results-$name.log" | grep -E -A 14 "^\s+Failed |Passed!|Failed!|error" || true
  set -e
}
mkdir -p "$results"
run_suite sqlite
THROUGHCARE_TEST_POSTGRES="$postgres" run_suite postgresql

# Totals from the runner's summaries, one line per database and one in all.
passed=0; failed=0
for name in sqlite postgresql; do
  line=$(grep -E "(Passed|Failed)!" "$results-$name.log" | tail -n 1 || true)
  p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: *([0-9]+),.*/\1/p' <<<"$line")
  if [ -z "$p" ]; then echo "$name: the test run did not finish"; f=1; p=0; fi
  echo "$name: $p passed, $f failed"
  if [ "$f" != 0 ] && [ -s "$results-$name-server-errors.log" ]; then
    echo "-- the last server errors on $name:"; tail -n 40 "$results-$name-server-errors.log"
  fi
  passed=$((passed + p)); failed=$((failed + f))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

# The load harness, for a few seconds on the demo: that it runs, never how fast (bench/README.md, "Smoke test").
echo "== load harness smoke run"
BENCH_CONFIGURATION=Debug BENCH_NO_BUILD=1 bash bench/run --smoke

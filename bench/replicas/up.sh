#!/usr/bin/env bash
# Scale-out on loopback: a streaming replica of the local PostgreSQL 15 cluster (a second Debian cluster on another
# port, made with pg_basebackup -R), two Release nodes of Throughcare on the primary with ConnectionStrings:ReadReplica
# on the replica, and HAProxy in front of them on one port. Run as root; running it again leaves what is up as it is.
#   bash bench/replicas/up.sh        # then bench/replicas/load.sh, and bench/replicas/down.sh to remove it all
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/replicas/settings.sh
command -v haproxy >/dev/null || apt-get install -y -q haproxy >/dev/null
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
mkdir -p "$state"
psql_primary() { su postgres -c "psql -p $primary_port -qAtX -v ON_ERROR_STOP=1 -c \"$1\""; }

# The replication role, and the primary letting it stream from loopback.
psql_primary "SELECT 1 FROM pg_roles WHERE rolname = '$replication_role'" | grep -q 1 \
  || psql_primary "CREATE ROLE $replication_role WITH REPLICATION LOGIN PASSWORD '$replication_password'"
hba=$(psql_primary "SHOW hba_file")
if ! grep -q "^host replication $replication_role 127.0.0.1/32" "$hba"; then
  echo "host replication $replication_role 127.0.0.1/32 scram-sha-256" >>"$hba"
  psql_primary "SELECT pg_reload_conf()" >/dev/null
fi

# The database the nodes share, made before the copy so that the replica starts with it.
psql_primary "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1 \
  || psql_primary "CREATE DATABASE $database OWNER throughcare"

# The replica: a second cluster whose data directory is a base backup of the primary, streaming from it.
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "15/$replica_cluster"; then
  pg_createcluster 15 "$replica_cluster" -p "$replica_port" >/dev/null
  data=/var/lib/postgresql/15/$replica_cluster
  rm -rf "$data"
  su postgres -c "PGPASSWORD=$replication_password pg_basebackup -h 127.0.0.1 -p $primary_port -U $replication_role -D $data -R -X stream -c fast"
fi
pg_ctlcluster 15 "$replica_cluster" start 2>/dev/null || true
for _ in $(seq 1 30); do
  [ "$(su postgres -c "psql -p $replica_port -qAtX -c 'SELECT pg_is_in_recovery()'" 2>/dev/null)" = t ] && break; sleep 1
done
echo "replica on port $replica_port: in recovery $(su postgres -c "psql -p $replica_port -qAtX -c 'SELECT pg_is_in_recovery()'"), streaming $(psql_primary "SELECT count(*) FROM pg_stat_replication") sender(s)"

# Two nodes: the same primary, the same replica, each its own data folder (audit anchors, documents). The first to
# start migrates and seeds the demo partnership; the data-protection keys are kept in the database, so both share them
# and a cookie one node issues is read by the other.
dotnet build src/Throughcare.Web -c Release -nologo -v quiet >/dev/null
start_node() {
  local port=$1 dir="$state/node-$1"
  if [ -f "$dir/pid" ] && kill -0 "$(cat "$dir/pid")" 2>/dev/null; then return; fi
  mkdir -p "$dir"
  (cd src/Throughcare.Web && ASPNETCORE_ENVIRONMENT=Demo ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=PostgreSql ConnectionStrings__Throughcare="$primary_connection" ConnectionStrings__ReadReplica="$replica_connection" \
    Throughcare__DataDirectory="$dir" Throughcare__RateLimits__SignInPerMinute=100000 Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/Throughcare.Web.dll) >"$dir/app.log" 2>&1 &
  echo $! >"$dir/pid"
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "node on $port did not start: see $dir/app.log"; exit 1; }
  echo "node on port $port ready"
}
start_node "$node1_port"
start_node "$node2_port"

# HAProxy: round robin over the two, each checked on /health/ready. A browser is kept on the node it first reached (a
# search is held in that node's memory under its token); wrk sends no such cookie, so its requests alternate.
cat >"$state/haproxy.cfg" <<CFG
global
    maxconn 4096
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
frontend throughcare
    bind 127.0.0.1:$proxy_port
    default_backend nodes
backend nodes
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host localhost
    cookie THROUGHCARE_NODE insert indirect nocache httponly
    server node1 127.0.0.1:$node1_port check cookie node1
    server node2 127.0.0.1:$node2_port check cookie node2
CFG
if ! { [ -f "$state/haproxy.pid" ] && kill -0 "$(cat "$state/haproxy.pid")" 2>/dev/null; }; then
  haproxy -D -f "$state/haproxy.cfg" -p "$state/haproxy.pid"
fi
for _ in $(seq 1 10); do curl -sf "http://127.0.0.1:$proxy_port/health/ready" >/dev/null && break; sleep 1; done
echo "HAProxy on http://127.0.0.1:$proxy_port -> $node1_port, $node2_port"

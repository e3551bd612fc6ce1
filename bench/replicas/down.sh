#!/usr/bin/env bash
# Stops and removes what up.sh made: HAProxy, the two nodes, the replica cluster, the shared database, the
# replication role and its pg_hba entry.
set -uo pipefail
cd "$(dirname "$0")/../.."
. bench/replicas/settings.sh
stop() { [ -f "$1" ] && kill "$(cat "$1")" 2>/dev/null; rm -f "$1"; }
stop "$state/haproxy.pid"
stop "$state/node-$node1_port/pid"
stop "$state/node-$node2_port/pid"
sleep 2
if pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "15/$replica_cluster"; then
  pg_dropcluster 15 "$replica_cluster" --stop
fi
psql_primary() { su postgres -c "psql -p $primary_port -qAtX -c \"$1\""; }
psql_primary "DROP DATABASE IF EXISTS $database WITH (FORCE)"
psql_primary "DROP ROLE IF EXISTS $replication_role"
hba=$(psql_primary "SHOW hba_file")
sed -i "/^host replication $replication_role 127.0.0.1\/32/d" "$hba"
psql_primary "SELECT pg_reload_conf()" >/dev/null
rm -rf "$state"
echo "removed"

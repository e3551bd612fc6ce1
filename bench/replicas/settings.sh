# Shared by up.sh, load.sh and down.sh.
state=/tmp/throughcare-replicas
database=throughcare_replicas
primary_port=5432
replica_cluster=replica
replica_port=5433
replication_role=throughcare_replication
replication_password=throughcare_replication
node1_port=5101
node2_port=5102
proxy_port=5100
primary_connection="Host=127.0.0.1;Port=$primary_port;Database=$database;Username=throughcare;Password=throughcare"
replica_connection="Host=127.0.0.1;Port=$replica_port;Database=$database;Username=throughcare;Password=throughcare"

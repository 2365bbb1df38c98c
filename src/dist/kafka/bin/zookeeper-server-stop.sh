#!/bin/sh
# Stops the ZooKeeper servers started from this installation (SIGNAL, default TERM); see
# kafka-server-stop.sh for how they are found.
base_dir=$(cd "$(dirname "$0")/.." && pwd -P)
exec "$base_dir/bin/kafka-signal-class.sh" "${SIGNAL:-TERM}" org.apache.zookeeper.server.quorum.QuorumPeerMain "zookeeper server"

#!/bin/sh
# ZooKeeper command-line client: zookeeper-shell.sh host:port [-zk-tls-config-file file] [command]
if [ $# -lt 1 ]; then
  echo "USAGE: $0 zookeeper_host:port[/path] [-zk-tls-config-file file] [args...]"
  exit 1
fi
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.zookeeper.ZooKeeperMainWithTlsSupportForKafka -server "$@"

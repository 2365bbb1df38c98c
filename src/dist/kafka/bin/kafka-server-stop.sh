#!/bin/sh
# Stops the Kafka brokers started from this installation (SIGNAL, default TERM).
# Unlike the Apache script, which signals every kafka.Kafka process of the machine, it only signals
# processes whose class path is this installation's libs/: the same on a real host with one
# installation, and safe where several installations share a machine (kroll's sandbox).
base_dir=$(cd "$(dirname "$0")/.." && pwd -P)
exec "$base_dir/bin/kafka-signal-class.sh" "${SIGNAL:-TERM}" kafka.Kafka "kafka server"

#!/bin/sh
# Service control of the simulated host @HOST@ of a kroll sandbox (the 'script' service manager):
#   sandbox-service start|stop|status kafka|zookeeper
# start runs the service from the installed distribution with the rendered configuration, in its own
# session (it outlives the SSH command), writes its pid file and binds only the host's address @ADDRESS@;
# stop sends SIGTERM, waits up to STOP_TIMEOUT seconds (default 30), then SIGKILL; status exits 0 when
# the process of the pid file runs, 3 when it does not. Written by kroll; paths are absolute, in this host's tree ($HOME).
set -u
cd "$HOME" || exit 1

ADDRESS=@ADDRESS@
KAFKA_HOME=@KAFKA_HOME@
CONFIG_DIR=@CONFIG_DIR@
APP_LOG_DIR=@APP_LOG_DIR@
RUN_DIR=var/run
STOP_TIMEOUT=${STOP_TIMEOUT:-30}

usage() {
  echo "usage: $0 start|stop|status kafka|zookeeper" >&2
  exit 2
}

abs() {
  case "$1" in
    /*) echo "$1" ;;
    *) echo "$HOME/$1" ;;
  esac
}

# alive PID: the process exists and is not a zombie (in a container nothing may reap orphans)
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/stat" ] || return 0
  [ "$(sed 's/.*) //' "/proc/$1/stat" | cut -c1)" != Z ]
}

nap() {
  sleep 0.2 2>/dev/null || sleep 1
}

[ $# -eq 2 ] || usage
action=$1 service=$2
case "$service" in
  kafka)
    script=kafka-server-start.sh config=server.properties
    heap=@KAFKA_HEAP_OPTS@ jmx_port=@KAFKA_JMX_PORT@ ;;
  zookeeper)
    script=zookeeper-server-start.sh config=zoo.cfg
    heap=@ZOOKEEPER_HEAP_OPTS@ jmx_port=@ZOOKEEPER_JMX_PORT@ ;;
  *) usage ;;
esac
KAFKA_HOME=$(abs "$KAFKA_HOME")
CONFIG_DIR=$(abs "$CONFIG_DIR")
LOG_DIR=$(abs "$APP_LOG_DIR")/$service
RUN_DIR=$(abs "$RUN_DIR")
pidfile=$RUN_DIR/$service.pid
watchdog_pidfile=$RUN_DIR/$service.watchdog.pid

# running: the pid file names a live process (sets pid)
running() {
  pid=$(cat "$pidfile" 2>/dev/null) || return 1
  [ -n "$pid" ] && alive "$pid"
}

start() {
  if running; then
    echo "$service is already running (pid $pid)"
    return 0
  fi
  if [ ! -x "$KAFKA_HOME/bin/$script" ]; then
    echo "$service: $KAFKA_HOME/bin/$script not found; install the Kafka distribution first" >&2
    return 1
  fi
  if [ ! -f "$CONFIG_DIR/$config" ]; then
    echo "$service: $CONFIG_DIR/$config not found; put the configuration in place first" >&2
    return 1
  fi
  # the JVM environment rendered by kroll (heap, GC log, log4j, LOG_DIR), when there is one
  if [ -f "$CONFIG_DIR/$service.env" ]; then
    set -a
    . "$CONFIG_DIR/$service.env"
    set +a
  fi
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:-$heap}"
  export LOG_DIR
  jmx_port=${JMX_PORT:-$jmx_port}
  unset JMX_PORT
  # No JMX agent options on the command line: with them the JDK also opens a "local" connector on an
  # ephemeral port of every interface. JMX is started below with jcmd, on the host's address only.
  export KAFKA_JMX_OPTS="-Djava.rmi.server.hostname=$ADDRESS"

  # its own session: it outlives this command, and stop can signal its whole process group
  if command -v setsid >/dev/null 2>&1; then
    setsid "$KAFKA_HOME/bin/$script" "$CONFIG_DIR/$config" > "$LOG_DIR/$service.out" 2>&1 < /dev/null &
  else
    nohup "$KAFKA_HOME/bin/$script" "$CONFIG_DIR/$config" > "$LOG_DIR/$service.out" 2>&1 < /dev/null &
  fi
  pid=$!
  echo "$pid" > "$pidfile"

  # stop the service when the sandbox that owns this host is gone, however it ended (the pid file
  # path is passed only so that 'kroll demo stop' can tell this process belongs to the sandbox)
  if [ -n "${KROLL_SANDBOX_OWNER:-}" ] && command -v setsid >/dev/null 2>&1; then
    setsid sh -c '
      owner=$1 pid=$2 timeout=$3
      alive() { kill -0 "$1" 2>/dev/null && { [ ! -r "/proc/$1/stat" ] || [ "$(sed "s/.*) //" "/proc/$1/stat" | cut -c1)" != Z ]; }; }
      while kill -0 "$owner" 2>/dev/null && alive "$pid"; do sleep 2; done
      alive "$pid" || exit 0
      kill -s TERM "$pid" 2>/dev/null
      n=0
      while alive "$pid" && [ $n -lt "$timeout" ]; do sleep 1; n=$((n + 1)); done
      alive "$pid" && kill -s KILL -- "-$pid" 2>/dev/null
    ' kroll-sandbox-watchdog "$KROLL_SANDBOX_OWNER" "$pid" "$STOP_TIMEOUT" "$pidfile" > /dev/null 2>&1 < /dev/null &
    echo "$!" > "$watchdog_pidfile"
  fi

  # a service that cannot even start (bad configuration, port in use) usually dies within a second
  n=0
  while [ $n -lt 5 ]; do
    nap
    if ! alive "$pid"; then
      echo "$service exited right after starting; the end of $LOG_DIR/$service.out:" >&2
      tail -n 15 "$LOG_DIR/$service.out" >&2
      rm -f "$pidfile"
      return 1
    fi
    n=$((n + 1))
  done
  start_jmx
  echo "started $service (pid $pid)"
}

# JMX on $ADDRESS:$jmx_port (registry and RMI server on one port), attached once the JVM answers
start_jmx() {
  case "$(tr '\000' ' ' < "/proc/$pid/cmdline" 2>/dev/null || ps -o args= -p "$pid" 2>/dev/null)" in
    *java*) ;;
    *) return 0 ;;  # not a JVM (yet): nothing to attach to
  esac
  jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
  if ! command -v "$jcmd" >/dev/null 2>&1; then
    echo "warning: no jcmd (a JDK's) to start JMX of $service; it runs without JMX" >&2
    return 0
  fi
  n=0
  while alive "$pid" && [ $n -lt 10 ]; do
    if "$jcmd" "$pid" ManagementAgent.start "jmxremote.host=$ADDRESS" "jmxremote.port=$jmx_port" "jmxremote.rmi.port=$jmx_port" \
        jmxremote.authenticate=false jmxremote.ssl=false jmxremote.registry.ssl=false > /dev/null 2>&1; then
      return 0
    fi
    nap
    n=$((n + 1))
  done
  echo "warning: could not start JMX of $service on $ADDRESS:$jmx_port" >&2
}

stop() {
  if ! running; then
    echo "$service is not running"
    rm -f "$pidfile"
    return 0
  fi
  kill -s TERM "$pid" 2>/dev/null
  waited=0
  while alive "$pid" && [ "$waited" -lt $((STOP_TIMEOUT * 5)) ]; do
    nap
    waited=$((waited + 1))
  done
  if alive "$pid"; then
    echo "$service (pid $pid) did not stop within ${STOP_TIMEOUT}s; killing it"
    kill -s KILL -- "-$pid" 2>/dev/null || kill -s KILL "$pid" 2>/dev/null
    while alive "$pid"; do nap; done
  fi
  rm -f "$pidfile"
  echo "stopped $service"
}

status() {
  if running; then
    echo "$service is running (pid $pid)"
    return 0
  fi
  echo "$service is not running"
  return 3
}

case "$action" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac

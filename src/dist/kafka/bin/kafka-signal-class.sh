#!/bin/sh
# kafka-signal-class.sh SIGNAL MAIN_CLASS LABEL: signals the java processes that run MAIN_CLASS with
# this installation's libs/ on their class path. Exits 1 when there is none, like the Apache scripts.
signal=$1 main_class=$2 label=$3
libs="$(cd "$(dirname "$0")/.." && pwd -P)/libs/"

matches() {
  case "$1 " in
    *java*"$libs"*" $main_class "*) return 0 ;;
    *) return 1 ;;
  esac
}

pids=
if [ -d /proc/self ]; then
  for dir in /proc/[0-9]*; do
    args=$(tr '\000' ' ' < "$dir/cmdline" 2>/dev/null) || continue
    matches "$args" && pids="$pids ${dir#/proc/}"
  done
else
  pids=$(ps -A -o pid= -o args= | while read -r pid args; do
    matches "$args" && echo "$pid"
  done)
fi

if [ -z "$pids" ]; then
  echo "No $label to stop"
  exit 1
fi
# shellcheck disable=SC2086 # one argument per pid
kill -s "$signal" $pids

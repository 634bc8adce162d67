#!/usr/bin/env bash
# Demo start-up: wall time from `java -jar mastermail-server.jar demo` to the first 200 on GET /api/health, to a
# login that works, and to the demo mail visible (anna sees all 12 conversations in /api/counts). Polls every 50 ms.
#
#   mastermail-benchmarks/demo-startup.sh [JAR] [RUNS] [JAVA OPTIONS...]
#   mastermail-benchmarks/demo-startup.sh mastermail-examples/target/mastermail-server.jar 5 -XX:TieredStopAtLevel=1
set -u
JAR=${1:-mastermail-examples/target/mastermail-server.jar}
RUNS=${2:-5}
shift $(( $# < 2 ? $# : 2 ))
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ms() { echo $(( ($(date +%s%N) - START) / 1000000 )); }
for i in $(seq 1 "$RUNS"); do
  PORT=$((18080 + RANDOM % 1000))
  START=$(date +%s%N)
  java "$@" -jar "$JAR" demo --port "$PORT" > "$WORK/run-$i.log" 2>&1 &
  PID=$!
  health="" login="" mail="" n=""
  for _ in $(seq 1 600); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/api/health")
    if [ "$code" = 200 ]; then health=$(ms); break; fi
    sleep 0.05
  done
  for _ in $(seq 1 600); do
    if [ -z "$login" ]; then
      code=$(curl -s -o /dev/null -w '%{http_code}' -c "$WORK/cookies" -H 'Content-Type: application/json' \
        -d '{"email":"anna@acme.example","password":"anna-demo"}' "http://127.0.0.1:$PORT/api/login")
      if [ "$code" = 200 ]; then login=$(ms); fi
    fi
    if [ -n "$login" ]; then
      n=$(curl -s -b "$WORK/cookies" "http://127.0.0.1:$PORT/api/counts" | grep -o '"all":[0-9]*' | cut -d: -f2)
      if [ -n "$n" ] && [ "$n" -ge 12 ]; then mail=$(ms); break; fi
    fi
    sleep 0.05
  done
  echo "run $i: health ${health:-?} ms, login ${login:-?} ms, mail ${mail:-?} ms (all=${n:-?}) |" \
    "$(grep -o 'started in [0-9]* ms[^(]*' "$WORK/run-$i.log" | tr '\n' ' ')"
  kill "$PID"
  wait "$PID" 2>/dev/null
done

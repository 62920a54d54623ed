#!/usr/bin/env bash
# Builds the benchmarks module and runs every workload, one JMH invocation (one JVM session) per
# comparison, then writes docs/performance.md and prints the RATIO lines last.
#
#   bash benchmarks/run.sh           # full run (2 forks, longer iterations; ~19 minutes on 2 cores)
#   bash benchmarks/run.sh --quick   # 1 fork, short iterations; under 3 minutes on 2 cores
#
# JAVA=/path/to/java picks the JVM that runs the benchmarks (default: $JAVA_HOME/bin/java, or java).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

MODE=full
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=quick ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (use --quick)" >&2; exit 2 ;;
  esac
done

if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi

START=$(date +%s)
echo "== building benchmarks ($MODE)"
./mvnw -q -B -Pbenchmarks -pl benchmarks -am package -DskipTests
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
OUT="$ROOT/benchmarks/target/results"
rm -rf "$OUT"
mkdir -p "$OUT"

# workload name, JMH class, options per mode
if [[ "$MODE" == quick ]]; then
  # On 2 cores the JIT needs a while before a contender runs compiled code: 6-10 s for a call, and
  # for a stream 15 s or more (Relay's, with more code on its path, keeps improving for ~30 s; the
  # full run warms up longer). The raw-read ceiling settles at once, so it runs apart with short
  # iterations; the ceilings of the call and 64-stream workloads are only measured in the full run.
  # A 64-stream operation of Spring AI takes ~4 s: one iteration each.
  CALL_OPTS="-f 1 -wi 4 -w 2s -i 4 -r 1s"
  STREAM_OPTS="-f 1 -wi 7 -w 2s -i 3 -r 1s"
  CEILING_OPTS="-f 1 -wi 3 -w 1s -i 2 -r 1s"
  CONCURRENT_OPTS="-f 1 -wi 1 -w 1s -i 1 -r 1s"
  CALL_ONLY="(floor|relay|springAi)"
  STREAM_ONLY="(floor|relay|springAi)"
  CONCURRENT_ONLY="(floor|relay|springAi)"
else
  CALL_OPTS="-f 2 -wi 8 -w 3s -i 5 -r 3s"
  STREAM_OPTS="-f 2 -wi 12 -w 3s -i 5 -r 3s"
  CONCURRENT_OPTS="-f 2 -wi 3 -w 4s -i 5 -r 4s"
  CALL_ONLY=""
  STREAM_ONLY=""
  CONCURRENT_ONLY=""
fi
JVM_ARGS="-Xms2g -Xmx2g"

run() {
  local name=$1 class=$2 opts=$3 only=${4:-}
  local pattern="io\.github\.relayai\.benchmarks\.$class\."
  if [[ -n "$only" ]]; then pattern="$pattern$only\$"; fi
  echo "== $name: $class ($opts) at $(( $(date +%s) - START ))s, load $(cut -d' ' -f1-3 /proc/loadavg)"
  cut -d' ' -f1-3 /proc/loadavg > "$OUT/$name.load-before"
  # shellcheck disable=SC2086
  if ! "$JAVA" -cp "$CP" org.openjdk.jmh.Main "$pattern" $opts \
      -prof gc -jvmArgs "$JVM_ARGS" -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1; then
    echo "JMH failed for $name; last lines of $OUT/$name.log:" >&2
    tail -40 "$OUT/$name.log" >&2
    exit 1
  fi
  cut -d' ' -f1-3 /proc/loadavg > "$OUT/$name.load-after"
  grep -E "^$class\.[a-zA-Z]+ " "$OUT/$name.log" | sed 's/^/   /' || true
}

run call CallBenchmark "$CALL_OPTS" "$CALL_ONLY"
if [[ "$MODE" == quick ]]; then
  run stream-ceiling StreamBenchmark "$CEILING_OPTS" "ceiling"
fi
run stream StreamBenchmark "$STREAM_OPTS" "$STREAM_ONLY"
run concurrent ConcurrentStreamBenchmark "$CONCURRENT_OPTS" "$CONCURRENT_ONLY"

END=$(date +%s)
python3 "$ROOT/benchmarks/report.py" --mode "$MODE" --results "$OUT" --jvm-args "$JVM_ARGS" \
  --options "call: $CALL_OPTS; stream: $STREAM_OPTS${CEILING_OPTS:+ (its ceiling: $CEILING_OPTS)}; concurrent: $CONCURRENT_OPTS" \
  --seconds $((END - START)) --out "$ROOT/docs/performance.md"

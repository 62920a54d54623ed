#!/usr/bin/env bash
# Builds the benchmarks module and runs every workload, one JMH invocation (one JVM session) per
# comparison, then writes docs/performance.md and prints the RATIO lines last.
#
#   bash benchmarks/run.sh           # full run (3 batches of forks, long warm-up; ~20 minutes on 2 cores)
#   bash benchmarks/run.sh --quick   # 1 batch, short warm-up; under 3 minutes on 2 cores
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

# Options per mode. Every fork measures one contender (the `contender` parameter); `batch` only
# orders the forks: JMH runs parameter sets in order, batch first, so the contenders take turns and a
# slow minute on this shared machine falls on one batch of all of them, not on one contender. The
# report compares the contenders within each batch. The stub's ceiling is not a contender in any
# ratio, so it runs apart, in one fork with its workload's settings.
CONTENDERS="-p contender=floor,relay,springAi"
if [[ "$MODE" == quick ]]; then
  # On 2 cores the JIT needs a while before a contender runs compiled code: 6-10 s for a call, and
  # for a stream 15 s or more (Relay's, with more code on its path, keeps improving for ~30 s; the
  # full run warms up longer). The ceilings of the call and 64-stream workloads are only measured in
  # the full run. A 64-stream operation of Spring AI takes ~4 s: one iteration each.
  # The single stream's ceiling, a raw read, settles at once: it runs with short iterations.
  CALL_OPTS="-f 1 -wi 4 -w 2s -i 4 -r 1s"
  STREAM_OPTS="-f 1 -wi 7 -w 2s -i 3 -r 1s"
  CONCURRENT_OPTS="-f 1 -wi 1 -w 1s -i 1 -r 1s"
  BATCHES="-p batch=1"
  CEILINGS="stream"
  CEILING_OPTS="-f 1 -wi 3 -w 1s -i 2 -r 1s"
else
  CALL_OPTS="-f 1 -wi 10 -w 3s -i 4 -r 2s"
  STREAM_OPTS="-f 1 -wi 12 -w 3s -i 4 -r 2s"
  CONCURRENT_OPTS="-f 1 -wi 3 -w 4s -i 3 -r 4s"
  BATCHES="-p batch=1,2,3"
  CEILINGS="call stream concurrent"
  CEILING_OPTS=""
fi
JVM_ARGS="-Xms2g -Xmx2g"

run() {
  local name=$1 class=$2 opts=$3
  echo "== $name: $class ($opts) at $(( $(date +%s) - START ))s, load $(cut -d' ' -f1-3 /proc/loadavg)"
  cut -d' ' -f1-3 /proc/loadavg > "$OUT/$name.load-before"
  # shellcheck disable=SC2086
  if ! "$JAVA" -cp "$CP" org.openjdk.jmh.Main "io\.github\.relayai\.benchmarks\.$class\." $opts \
      -prof gc -jvmArgs "$JVM_ARGS" -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1; then
    echo "JMH failed for $name; last lines of $OUT/$name.log:" >&2
    tail -40 "$OUT/$name.log" >&2
    exit 1
  fi
  cut -d' ' -f1-3 /proc/loadavg > "$OUT/$name.load-after"
  grep -E "^$class\.[a-zA-Z]+ " "$OUT/$name.log" | sed 's/^/   /' || true
}

for workload in call stream concurrent; do
  case "$workload" in
    call) class=CallBenchmark opts="$CALL_OPTS" ;;
    stream) class=StreamBenchmark opts="$STREAM_OPTS" ;;
    concurrent) class=ConcurrentStreamBenchmark opts="$CONCURRENT_OPTS" ;;
  esac
  if [[ " $CEILINGS " == *" $workload "* ]]; then
    run "$workload-ceiling" "$class" "${CEILING_OPTS:-$opts} -p contender=ceiling"
  fi
  run "$workload" "$class" "$opts $BATCHES $CONTENDERS"
done

END=$(date +%s)
python3 "$ROOT/benchmarks/report.py" --mode "$MODE" --results "$OUT" --jvm-args "$JVM_ARGS" \
  --options "$BATCHES $CONTENDERS; call: $CALL_OPTS; stream: $STREAM_OPTS; concurrent: $CONCURRENT_OPTS; stub ceiling ($CEILINGS): ${CEILING_OPTS:-as its workload}" \
  --seconds $((END - START)) --out "$ROOT/docs/performance.md"

#!/usr/bin/env bash
# Builds the benchmarks module, starts a private ClickHouse server, runs every end-to-end measurement (each in its
# own JVM), the curl limits and the JMH codec comparison, and prints one markdown report.
#   benchmarks/run.sh            full run (5,000,000 rows; see benchmarks/RESULTS.md)
#   benchmarks/run.sh --smoke    a few thousand rows and a quick JMH pass, for CI; exits non-zero on any failure
#   benchmarks/run.sh --cluster  Inserter throughput on a local 2 x 2 cluster: one node vs round robin over four vs
#                                the sharded Inserter to the local tables (ClusterBench; --rows N, --threads N,
#                                --append benchmarks/RESULTS.md)
#   benchmarks/run.sh --startup  JVM start to first SELECT 1: embedded chDB vs a local 18.16 server (StartupBench;
#                                more options: --runs N, --append benchmarks/RESULTS.md)
#   benchmarks/run.sh --arrow    the same query read as ArrowStream batches (clickhouse-arrow) and with the row
#                                cursor, on the embedded chDB engine (ArrowBench; --rows N, --passes N, --warmup N,
#                                --append benchmarks/RESULTS.md)
#   other options go to io.chspring.benchmarks.BenchRun: --rows N, --jdbc-rows N, --memory-rows N, --pool N, --skip-codec
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in java curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done
offline=()
if [[ "${BENCH_OFFLINE:-}" == 1 ]]; then offline=(-o); fi
./mvnw -q -B "${offline[@]}" -P benchmarks -pl benchmarks -am package -DskipTests
cp="$PWD/benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
if [[ "${1:-}" == --cluster ]]; then
  shift
  exec java -Xmx1g -cp "$cp" io.chspring.benchmarks.ClusterBench "$@"
fi
if [[ "${1:-}" == --arrow ]]; then
  shift
  # chDB needs HotSpot signal chaining; Arrow's memory module needs java.nio opened (clickhouse-arrow/README.md)
  LD_PRELOAD="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/libjsig.so" \
    exec java -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$cp" io.chspring.benchmarks.ArrowBench "$@"
fi
if [[ "${1:-}" == --startup ]]; then
  shift
  exec java -cp "$cp" io.chspring.benchmarks.StartupBench "$@"
fi
cd benchmarks
exec java -Xmx512m -cp "$cp" io.chspring.benchmarks.BenchRun --out target/bench-results.md "$@"

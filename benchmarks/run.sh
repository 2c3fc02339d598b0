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
#   benchmarks/run.sh --blocks   column blocks (fetchBlocks, Native) vs the row cursor on the same numeric and string
#                                queries, end to end on a private 18.16 server and in process (BlocksBench; --rows N,
#                                --passes N, --append benchmarks/RESULTS.md)
#   benchmarks/run.sh --small    small queries under concurrency (1/16/64 threads) vs wrk sending the same request
#                                (SmallQueryBench; --quick, --measure S, --threads 1,16,64, --append benchmarks/RESULTS.md)
#   benchmarks/run.sh --cold-read  a fresh JVM reading 3,000,000 rows vs curl, with and without LZ4, 3 repeats
#                                (ColdReadBench; --rows N, --repeats N, --append benchmarks/RESULTS.md)
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
if [[ "${1:-}" == --blocks ]]; then
  shift
  exec java -Xmx1g -cp "$cp" io.chspring.benchmarks.BlocksBench "$@"
fi
if [[ "${1:-}" == --small ]]; then
  shift
  command -v wrk >/dev/null || { echo "run.sh: wrk is needed for --small (Debian package wrk)" >&2; exit 1; }
  cd benchmarks
  exec java -cp "$cp" io.chspring.benchmarks.SmallQueryBench "$@"
fi
if [[ "${1:-}" == --cold-read ]]; then
  shift
  cd benchmarks
  exec java -cp "$cp" io.chspring.benchmarks.ColdReadBench "$@"
fi
if [[ "${1:-}" == --startup ]]; then
  shift
  exec java -cp "$cp" io.chspring.benchmarks.StartupBench "$@"
fi
cd benchmarks
exec java -Xmx512m -cp "$cp" io.chspring.benchmarks.BenchRun --out target/bench-results.md "$@"

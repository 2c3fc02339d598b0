#!/usr/bin/env bash
# Builds the benchmarks module, then runs the benchmark sections, each in its own JVM(s), and prints one markdown
# report (also written to benchmarks/target/bench-report.md).
#   benchmarks/run.sh                    full run of the end-to-end sections: insert, read, memory, codec
#                                        (5,000,000 rows; see benchmarks/RESULTS.md)
#   benchmarks/run.sh --quick            every section but arrow with small sizes, in under 3 minutes; exits
#                                        non-zero on any failure (CI's benchmark run)
#   benchmarks/run.sh --smoke            the end-to-end sections with a few thousand rows
#   benchmarks/run.sh --sections a,b     only the named sections (--quick/--smoke sizes apply when given too)
#   benchmarks/run.sh --cluster          the cluster section alone (same as --sections cluster)
#   benchmarks/run.sh --startup          the startup section alone (same as --sections startup)
#   benchmarks/run.sh --blocks           the blocks section alone; --small, --cold-read, --arrow likewise
#   other options go to the section's class (to BenchRun, or to the one section run alone): BenchRun (--rows N,
#   --jdbc-rows N, --memory-rows N, --pool N, --skip-codec), ClusterBench (--rows N, --threads N), StartupBench
#   (--runs N), BlocksBench (--rows N, --passes N), SmallQueryBench (--measure S, --threads 1,16,64, --repeats N,
#   --before-jars DIR), ColdReadBench (--rows N, --repeats N, --before-jars DIR), ArrowBench (--rows N, --passes N,
#   --warmup N). run.sh parses no --repeats itself: it reaches the one section run alone (--small: SmallQueryBench,
#   default 1 repeat; --cold-read: ColdReadBench, default 3, and with --quick its own --repeats N wins over the
#   quick form's 1); with several sections the section options go to BenchRun (when it runs) and to no other.
#   benchmarks/run.sh --small --repeats 3 --threads 16,64   how the small-query targets are judged: each line
#                                        against its own repeat's wrk, the targets by the medians over the repeats
#                                        (about 4-5 minutes per repeat per thread count for our 3 clients;
#                                        --clients ours-client,ours-prepared,ours-template leaves the peers out)
#
# Sections:
#   insert, read   our client vs client-v2, JdbcTemplate and the curl limit, with and without LZ4 (BenchRun)
#   memory         10M rows through a 64 MiB heap (Insert, cursor) and the Inserter in 128 MiB (BenchRun)
#   codec          JMH codec comparison with client-v2 (BenchRun)
#   cluster        Inserter into one node / round robin / sharded, and reads through a Distributed table, on a
#                  local 2 x 2 cluster (ClusterBench)
#   startup        JVM start to first SELECT 1: embedded chDB vs a local server (StartupBench)
#   blocks         column blocks (fetchBlocks, Native) vs the row cursor on the same numeric and string queries,
#                  end to end on a private 18.16 server and in process (BlocksBench)
#   small          small queries under concurrency (1/16/64 threads) vs wrk sending the request our client sends
#                  (SmallQueryBench; 40 s JIT warm-up per client JVM, so about 20 minutes)
#   cold-read      a fresh JVM reading 3,000,000 rows vs curl, with and without LZ4, 3 repeats; beside it the same
#                  with an AppCDS archive, and the bytes alone through our transport (ColdReadBench)
#   arrow          the same query read as ArrowStream batches (clickhouse-arrow) and with the row cursor, on the
#                  embedded chDB engine (ArrowBench). Not in --quick, to keep it short (the chDB 26.5 hang it once
#                  met was its parallel Arrow encoder, now turned off by the embedded engine: clickhouse-arrow/README.md)
# A new section: add its name to ALL_SECTIONS and a case to run_section below.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in java curl /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is needed" >&2; exit 1; }
done

ALL_SECTIONS=(insert read memory codec cluster startup blocks small cold-read arrow)
QUICK_SECTIONS=(insert read memory codec cluster startup blocks small cold-read)
BENCHRUN_SECTIONS=" insert read memory codec "
sections=()
size=()        # --quick or --smoke, passed on to every section that knows it
pass=()        # everything else, for the section classes
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) size=(--quick); [[ ${#sections[@]} -gt 0 ]] || sections=("${QUICK_SECTIONS[@]}") ;;
    --smoke) size=(--smoke) ;;
    --sections) IFS=, read -r -a sections <<< "$2"; shift ;;
    --cluster) sections=(cluster) ;;
    --startup) sections=(startup) ;;
    --blocks) sections=(blocks) ;;
    --small) sections=(small) ;;
    --cold-read) sections=(cold-read) ;;
    --arrow) sections=(arrow) ;;
    *) pass+=("$1") ;;
  esac
  shift
done
[[ ${#sections[@]} -gt 0 ]] || sections=(insert read memory codec)
for s in "${sections[@]}"; do
  [[ " ${ALL_SECTIONS[*]} " == *" $s "* ]] || { echo "run.sh: unknown section $s (known: ${ALL_SECTIONS[*]})" >&2; exit 2; }
done

offline=()
if [[ "${BENCH_OFFLINE:-}" == 1 ]]; then offline=(-o); fi
./mvnw -q -B "${offline[@]}" -P benchmarks -pl benchmarks -am package -DskipTests
cp="$PWD/benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
report="$PWD/benchmarks/target/bench-report.md"
: > "$report"
status=0

# Options meant for a section class go to BenchRun, or to the one section run alone.
others=()
[[ ${#sections[@]} -eq 1 ]] && others=("${pass[@]}")
benchrun=()
for s in "${sections[@]}"; do
  [[ "$BENCHRUN_SECTIONS" == *" $s "* ]] && benchrun+=("$s")
done

run_section() {
  case "$1" in
    benchrun)
      local rc=0
      rm -f benchmarks/target/bench-results.md
      (cd benchmarks && java -Xmx512m -cp "$cp" io.chspring.benchmarks.BenchRun --out target/bench-results.md \
        --sections "$(IFS=,; echo "${benchrun[*]}")" "${size[@]}" "${pass[@]}") || rc=$?
      [[ -f benchmarks/target/bench-results.md ]] && cat benchmarks/target/bench-results.md >> "$report"
      return "$rc" ;;
    cluster)
      local quick=()
      [[ ${#size[@]} -gt 0 ]] && quick=(--quick)
      java -Xmx1g -cp "$cp" io.chspring.benchmarks.ClusterBench "${quick[@]}" "${others[@]}" --append "$report" ;;
    startup)
      local runs=()
      [[ ${#size[@]} -gt 0 ]] && runs=(--runs 1)
      java -cp "$cp" io.chspring.benchmarks.StartupBench "${runs[@]}" "${others[@]}" --append "$report" ;;
    blocks)
      local small=()
      [[ ${#size[@]} -gt 0 ]] && small=(--rows 100000 --passes 1)
      java -Xmx1g -cp "$cp" io.chspring.benchmarks.BlocksBench "${small[@]}" "${others[@]}" --append "$report" ;;
    small)
      command -v wrk >/dev/null || { echo "run.sh: wrk is needed for the small section (Debian package wrk)" >&2; return 1; }
      local quick=()
      [[ ${#size[@]} -gt 0 ]] && quick=(--quick --threads 1,16)
      (cd benchmarks && java -cp "$cp" io.chspring.benchmarks.SmallQueryBench "${quick[@]}" "${others[@]}" \
        --append "$report") ;;
    arrow)
      local small=()
      [[ ${#size[@]} -gt 0 ]] && small=(--rows 100000 --passes 1)
      # chDB needs HotSpot signal chaining; Arrow's memory module needs java.nio opened (clickhouse-arrow/README.md)
      LD_PRELOAD="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/libjsig.so" \
        java -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
        -cp "$cp" io.chspring.benchmarks.ArrowBench "${small[@]}" "${others[@]}" --append "$report" ;;
    cold-read)
      local small=()
      [[ ${#size[@]} -gt 0 ]] && small=(--rows 300000 --repeats 1)
      (cd benchmarks && java -cp "$cp" io.chspring.benchmarks.ColdReadBench --cds "${small[@]}" "${others[@]}" \
        --append "$report") ;;
  esac
}

started=$(date +%s)
if [[ ${#benchrun[@]} -gt 0 ]]; then
  run_section benchrun || status=$?
fi
for s in "${sections[@]}"; do
  [[ "$BENCHRUN_SECTIONS" == *" $s "* ]] && continue
  echo "[run.sh] section $s" >&2
  run_section "$s" || { status=$?; echo "run.sh: section $s failed (exit $status)" >&2; }
done
echo "[run.sh] sections ${sections[*]}: $(( $(date +%s) - started )) s, report in $report" >&2
exit "$status"

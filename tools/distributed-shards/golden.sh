#!/usr/bin/env bash
# Writes the shard a real ClickHouse Distributed table chooses for each (sharding expression, value) in
# cases.tsv, as TSV on stdout: type, expression, value, the expression's value, shard_num. See README.md.
#
# Usage: golden.sh HTTP_PORT_OF_SHARD1 HTTP_PORT_OF_SHARD2 HTTP_PORT_OF_SHARD3 > shards-18.16.tsv
# The first server must define cluster `w` with three single-replica shards of weights 2, 3, 1 on the
# three ports' servers, in that order (README.md has the remote_servers snippet).
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 PORT1 PORT2 PORT3" >&2; exit 2; }
PORTS=("$1" "$2" "$3")
HERE=$(cd "$(dirname "$0")" && pwd)
q() { # q PORT SQL [settings] -> body; fails on a server error
  local out
  out=$(curl -sS --fail-with-body "http://127.0.0.1:$1/?database=shard_golden${3:+&$3}" --data-binary "$2") \
    || { echo "port $1: $2: $out" >&2; exit 1; }
  printf '%s\n' "$out"
}
for p in "${PORTS[@]}"; do
  curl -sS --fail-with-body "http://127.0.0.1:$p/" --data-binary "DROP DATABASE IF EXISTS shard_golden" >/dev/null
  curl -sS --fail-with-body "http://127.0.0.1:$p/" --data-binary "CREATE DATABASE shard_golden" >/dev/null
done
weights=$(q "${PORTS[0]}" "SELECT groupArray(shard_weight) FROM (SELECT shard_weight FROM system.clusters WHERE cluster = 'w' ORDER BY shard_num)")
[ "$weights" = "[2,3,1]" ] || { echo "cluster w must have shard weights [2,3,1], has $weights" >&2; exit 1; }

n=0
grep -v '^#' "$HERE/cases.tsv" | while IFS=$'\t' read -r type expr values; do
  [ -n "$type" ] || continue
  n=$((n + 1))
  for p in "${PORTS[@]}"; do
    q "$p" "CREATE TABLE l$n (v $type) ENGINE = Memory" >/dev/null
  done
  q "${PORTS[0]}" "CREATE TABLE d$n (v $type) ENGINE = Distributed(w, shard_golden, l$n, $expr)" >/dev/null
  rows="(${values// | /), (})"
  q "${PORTS[0]}" "INSERT INTO d$n VALUES $rows" insert_distributed_sync=1 >/dev/null
  for s in 1 2 3; do
    q "${PORTS[$((s - 1))]}" "SELECT v, $expr FROM l$n ORDER BY v FORMAT TSV" | while IFS=$'\t' read -r v key; do
      if [ -n "$key" ]; then printf '%s\t%s\t%s\t%s\t%s\n' "$type" "$expr" "$v" "$key" "$s"; fi
    done
  done
done
for p in "${PORTS[@]}"; do
  curl -sS "http://127.0.0.1:$p/" --data-binary "DROP DATABASE IF EXISTS shard_golden" >/dev/null
done

#!/usr/bin/env bash
# Builds and runs the sample on a fresh clone: fetches chDB's libchdb.so (the embedded ClickHouse engine, ~167 MB from
# the npm registry, once), packages the sample and the modules it needs (no `mvn install`), and starts it on
# http://localhost:${PORT:-8080}. Without clickhouse.url / CLICKHOUSE_URL it uses the embedded engine, data in
# sample-app/target/sample-data. Extra arguments go to the application, e.g. --sample.engine=local or
# --clickhouse.url=http://localhost:8123/default.
# Needs: a JDK 17+ (java on the PATH or JAVA_HOME), npm and tar (for the engine), 64-bit Linux.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"

if [[ -z "${JAVA_HOME:-}" ]]; then
  # The JDK of the `java` on the PATH: its binary lives in $JAVA_HOME/bin.
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi
export JAVA_HOME
jsig="$JAVA_HOME/lib/libjsig.so"
[[ -f "$jsig" ]] || { echo "run.sh: $jsig not found; set JAVA_HOME to a HotSpot JDK" >&2; exit 1; }

if [[ -z "${CLICKHOUSE_URL:-}" ]]; then
  echo "== libchdb: $(bash "$root/clickhouse-embedded/fetch-libchdb.sh")"
fi

echo "== building sample-app"
(cd "$root" && ./mvnw -q -B -pl sample-app -am package -DskipTests)

cd "$here"
echo "== starting on http://localhost:${PORT:-8080}/"
# HotSpot signal chaining: the embedded engine replaces the JVM's signal handlers, which crashes the JVM without it.
LD_PRELOAD="$jsig" exec "$JAVA_HOME/bin/java" -jar target/sample-app-0.1.0-SNAPSHOT.jar "$@"

#!/usr/bin/env bash
# Installs what the tests need, then runs them: the second of the README's two commands.
#
#   ./test.sh                      install what is missing, then ./mvnw verify (unit and integration tests)
#   ./test.sh -o -pl clickhouse-client -am    the same with your Maven arguments (here: offline, one module)
#   ./test.sh --install-only       install what is missing and stop (CI's .ci/run uses this)
#
# What it installs when missing (Debian/Ubuntu, with sudo unless you are root):
#   clickhouse-server   the integration tests start private servers from this binary (never the system service)
#   zookeeper           the cluster fixture runs /usr/share/java/zookeeper.jar standalone (2 shards x 2 replicas)
#   openssl             the TLS tests make throw-away certificates with it
#   npm + chDB 26.5     the embedded engine's tests load libchdb.so (~170 MB, once, into ~/.cache/chdb)
#   curl, time          the benchmark smoke run of CI
# Without an engine the integration tests skip with a message; with CI=true they fail instead.
set -euo pipefail
cd "$(dirname "$0")"

install_only=0
if [ "${1:-}" = "--install-only" ]; then
  install_only=1
  shift
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  fi
fi
apt_updated=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: $* missing and no apt-get here: install it with your package manager, then rerun" >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "test.sh: $* missing; run as root or install it: apt-get install -y $*" >&2
    exit 1
  fi
  if [ "$apt_updated" -eq 0 ]; then
    echo "== apt-get update"
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  echo "== installing $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x /usr/sbin/clickhouse-server ] && [ ! -x /usr/bin/clickhouse-server ] && ! command -v clickhouse >/dev/null 2>&1; then
  apt_install clickhouse-server clickhouse-client
fi
# --no-install-recommends: no zookeeperd, which would start a system service on the packaged ports.
[ -f /usr/share/java/zookeeper.jar ] || apt_install --no-install-recommends zookeeper
command -v openssl >/dev/null 2>&1 || apt_install openssl
command -v npm >/dev/null 2>&1 || apt_install npm
echo "== libchdb: $(bash clickhouse-embedded/fetch-libchdb.sh)"
command -v curl >/dev/null 2>&1 || apt_install curl
[ -x /usr/bin/time ] || apt_install time
command -v wrk >/dev/null 2>&1 || apt_install wrk   # the load generator of benchmarks/run.sh (small section)

if [ "$install_only" -eq 1 ]; then
  exit 0
fi

# Totals of this run only: reports left by an earlier run are older than this marker.
marker="$(mktemp)"
trap 'rm -f "$marker"' EXIT
echo "== ./mvnw -B verify $*"
status=0
./mvnw -B verify "$@" || status=$?

reports=$(find . -path '*/target/surefire-reports/TEST-*.xml' -newer "$marker" 2>/dev/null || true)
if [ -n "$reports" ]; then
  cases=$(echo "$reports" | xargs cat | grep -c '<testcase' || true)
  failed=$(echo "$reports" | xargs cat | grep -cE '<(failure|error)[ >]' || true)
  skipped=$(echo "$reports" | xargs cat | grep -c '<skipped' || true)
  echo "tests: $((cases - failed - skipped)) passed, $failed failed, $skipped skipped"
fi
if [ "$status" -ne 0 ]; then
  echo "test.sh: the build failed (exit $status); the first failing test's report is under <module>/target/surefire-reports" >&2
fi
exit "$status"

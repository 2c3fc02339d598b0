#!/usr/bin/env bash
# Puts chDB's libchdb.so (the ClickHouse engine as a shared library) where clickhouse-embedded looks for it:
#   ${CHDB_CACHE:-~/.cache/chdb}/<version>/package/libchdb.so
# and prints that path. Does nothing when it is already there. Needs npm and tar; downloads ~167 MB from the npm
# registry (npm checks the tarball's sha512), ~560 MB unpacked.
#   CHDB_VERSION  npm version of @chdb/lib-linux-x64-gnu (default: the one the module is tested with)
set -euo pipefail
version="${CHDB_VERSION:-26.5.3}"
target="${CHDB_CACHE:-$HOME/.cache/chdb}/$version"
lib="$target/package/libchdb.so"
if [[ -s "$lib" && -f "$target/.complete" ]]; then
  echo "$lib"
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "fetch-libchdb.sh: npm is required (Debian/Ubuntu: apt-get install -y npm)" >&2
  exit 1
fi
mkdir -p "$target"
work="$(mktemp -d "$target/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@chdb/lib-linux-x64-gnu@$version" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/libchdb.so package/package.json
rm -rf "$target/package"
mv "$work/package" "$target/package"
touch "$target/.complete"
echo "$lib"

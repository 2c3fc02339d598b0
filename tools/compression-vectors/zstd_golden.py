#!/usr/bin/env python3
"""Capture ZSTD-compressed bytes from a real ClickHouse engine (chDB 26.5) as golden vectors.

Two files, both written by the engine's own compression code, never by this project's encoder:

  zstd-blocks.bin    ClickHouse compressed blocks with method 0x90 (ZSTD): the column file of a
                     MergeTree part whose column has CODEC(ZSTD(3)). CompressedWriteBuffer writes these
                     frames exactly as the native protocol (network_compression_method=zstd) does:
                     checksum, method byte, sizes, payload. The column is UInt64, so the decoded bytes
                     are the RowBinary of `SELECT number * 7 FROM numbers(200000)` (little-endian UInt64).
  zstd-stream.zst    A plain zstd stream, what a server sends with `Content-Encoding: zstd`
                     (enable_http_compression=1, Accept-Encoding: zstd): written by
                     `INTO OUTFILE ... COMPRESSION 'zstd'`, same RowBinary content.

Re-run from the repository root:
    python3 tools/compression-vectors/zstd_golden.py clickhouse-client/src/test/resources/golden/compression
Needs libchdb.so (see tools/chdb-golden/README.md) and only the Python standard library.
"""
import glob
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "chdb-golden"))
from chdb import Chdb  # noqa: E402

ROWS = 200000


def main(out_dir):
    work = tempfile.mkdtemp(prefix="zstd-golden-")
    db = Chdb(os.path.join(work, "data"))
    db.query("CREATE DATABASE g ENGINE = Atomic")
    db.query("CREATE TABLE g.t (x UInt64 CODEC(ZSTD(3))) ENGINE = MergeTree ORDER BY tuple() "
             "SETTINGS min_bytes_for_wide_part = 0, min_rows_for_wide_part = 0")
    db.query(f"INSERT INTO g.t SELECT number * 7 FROM numbers({ROWS})")
    db.query("OPTIMIZE TABLE g.t FINAL")
    path = db.query("SELECT path FROM system.parts WHERE database = 'g' AND table = 't' AND active").decode().strip()
    files = glob.glob(os.path.join(path, "x.bin"))
    if len(files) != 1:
        raise SystemExit(f"no x.bin in {path}: {os.listdir(path)}")
    with open(files[0], "rb") as f:
        blocks = f.read()
    if blocks[16] != 0x90:
        raise SystemExit(f"first block's method is 0x{blocks[16]:02x}, not ZSTD 0x90")
    stream_file = os.path.join(work, "stream.zst")
    db.query(f"SELECT number * 7 FROM numbers({ROWS}) INTO OUTFILE '{stream_file}' COMPRESSION 'zstd' "
             "FORMAT RowBinary")
    with open(stream_file, "rb") as f:
        stream = f.read()
    version = db.query("SELECT version()").decode().strip()
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "zstd-blocks.bin"), "wb") as f:
        f.write(blocks)
    with open(os.path.join(out_dir, "zstd-stream.zst"), "wb") as f:
        f.write(stream)
    print(f"chDB {version}: zstd-blocks.bin {len(blocks)} bytes, zstd-stream.zst {len(stream)} bytes, "
          f"{ROWS} UInt64 rows (number * 7)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")

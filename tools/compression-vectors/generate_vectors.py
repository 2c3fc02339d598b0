#!/usr/bin/env python3
"""Generate CityHash128 (v1.0.2) test vectors from a real ClickHouse server.

Why: ClickHouse checksums each compressed frame with CityHash v1.0.2, an old version no ordinary
library implements. The server itself is the reference: when a frame sent with `decompress=1` carries
a wrong checksum, the Code 40 error prints the checksum it computed ("Actual: <32 hex>"). Those 32 hex
digits are the two uint64 halves (low first), each printed as a big-endian number, so reversing the
bytes of each 8-byte half gives the 16 checksum bytes as they go on the wire.

For every payload size below the script
  1. sends a NONE (method 0x02) frame with a zero checksum and reads the server's checksum from the error;
  2. sends the same frame again with that checksum and checks the server ACCEPTS it: HTTP 200, and the
     payload lands as rows of a UInt8 table (count and sum are compared with the payload).
The hashed input of a frame is its 9-byte header (method, compressed size, uncompressed size) plus the
payload, so hashed lengths start at 9; sizes are chosen to reach every length branch of CityHash128
(8..15, 16..32 and 33..143 via CityMurmur, >= 144 via the 128-byte main loop with 0 to 4 tail chunks).

Output (stdout), one vector per line after '#' comments:
    <hashed length> <hashed bytes, hex> <checksum, hex in wire order> accepted:<rows>/<sum>

Re-run (vectors in the repository were made with ClickHouse 18.16.1):
    /path/to/start-clickhouse-18.sh 18100 /tmp/ch-vectors      # any private server on 127.0.0.1
    python3 tools/compression-vectors/generate_vectors.py http://127.0.0.1:18100/ \
        > clickhouse-client/src/test/resources/golden/compression/cityhash128-vectors.txt
    # then stop the server (kill the PID the start script printed)
Only the Python standard library is used.
"""
import re
import struct
import sys
import urllib.error
import urllib.parse
import urllib.request

DATABASE = "chspring_vectors"
TABLE = DATABASE + ".bytes"
# Payload sizes; hashed length = 9 + size.
PAYLOAD_SIZES = [0, 1, 3, 6, 7, 8, 10, 11, 15, 16, 23, 24, 39, 40, 55, 91, 134, 135, 136,
                 167, 168, 199, 215, 262, 263, 291, 333, 391, 1000, 2048]


def payload(size):
    """Deterministic, random-looking bytes (a 32-bit LCG seeded by the size)."""
    state = (size * 2654435761 + 1) & 0xFFFFFFFF
    out = bytearray()
    for _ in range(size):
        state = (state * 1103515245 + 12345) & 0xFFFFFFFF
        out.append((state >> 16) & 0xFF)
    return bytes(out)


def post(base, query, body, **params):
    url = base + "?" + urllib.parse.urlencode(dict(query=query, **params))
    request = urllib.request.Request(url, data=body, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def sql(base, query):
    status, text = post(base, query, b"")
    if status != 200:
        raise SystemExit("query failed (%d): %s\n%s" % (status, query, text))
    return text.strip()


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18100/"
    if not base.endswith("/"):
        base += "/"
    version = sql(base, "SELECT version()")
    sql(base, "CREATE DATABASE IF NOT EXISTS " + DATABASE)
    sql(base, "CREATE TABLE IF NOT EXISTS %s (b UInt8) ENGINE = Memory" % TABLE)
    insert = "INSERT INTO %s FORMAT RowBinary" % TABLE
    print("# CityHash128 v1.0.2 vectors from ClickHouse %s (tools/compression-vectors/generate_vectors.py)" % version)
    print("# <hashed length> <hashed bytes hex> <checksum hex, wire order> accepted:<rows>/<sum>")
    for size in PAYLOAD_SIZES:
        data = payload(size)
        hashed = struct.pack("<BII", 0x02, 9 + size, size) + data
        status, text = post(base, insert, bytes(16) + hashed, decompress="1")
        match = re.search(r"Actual: ([0-9a-f]{32})", text)
        if status != 500 or "Code: 40" not in text or not match:
            raise SystemExit("size %d: expected a Code 40 checksum error, got %d: %s" % (size, status, text))
        actual = match.group(1)
        wire = bytes.fromhex(actual[:16])[::-1] + bytes.fromhex(actual[16:])[::-1]
        sql(base, "TRUNCATE TABLE " + TABLE)
        status, text = post(base, insert, wire + hashed, decompress="1")
        if status != 200:
            raise SystemExit("size %d: frame with checksum %s rejected (%d): %s" % (size, wire.hex(), status, text))
        rows, total = sql(base, "SELECT count(), sum(b) FROM " + TABLE).split("\t")
        if int(rows) != size or int(total) != sum(data):
            raise SystemExit("size %d: inserted %s rows, sum %s; expected %d, %d" % (size, rows, total, size, sum(data)))
        print("%d %s %s accepted:%s/%s" % (len(hashed), hashed.hex(), wire.hex(), rows, total))
    sql(base, "DROP DATABASE " + DATABASE)


if __name__ == "__main__":
    main()

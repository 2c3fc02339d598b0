#!/usr/bin/env python3
"""Replays the cases.tsv written by SqlLiteralCheck.java against chDB (a modern ClickHouse engine in-process).

usage: check-chdb.py cases.tsv [path/to/libchdb.so]
Every case, modern-only ones included, must return exactly the expected RowBinary bytes.
"""
import ctypes
import shutil
import sys
import tempfile

lib_path = sys.argv[2] if len(sys.argv) > 2 else '/root/.cache/chdb/26.5.3/package/libchdb.so'
lib = ctypes.CDLL(lib_path)
lib.chdb_connect.restype = ctypes.c_void_p
lib.chdb_connect.argtypes = [ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
lib.chdb_query_n.restype = ctypes.c_void_p
lib.chdb_query_n.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t]
for name in ('chdb_result_buffer', 'chdb_result_error'):
    getattr(lib, name).restype = ctypes.c_void_p
    getattr(lib, name).argtypes = [ctypes.c_void_p]
lib.chdb_result_length.restype = ctypes.c_size_t
lib.chdb_result_length.argtypes = [ctypes.c_void_p]
lib.chdb_destroy_query_result.argtypes = [ctypes.c_void_p]
lib.chdb_close_conn.argtypes = [ctypes.c_void_p]

data_dir = tempfile.mkdtemp(prefix='chdb-sqlcheck-')
argv = (ctypes.c_char_p * 2)(b'clickhouse', ('--path=' + data_dir).encode())
conn = lib.chdb_connect(2, argv)
handle = ctypes.c_void_p.from_address(conn).value


def query(sql):
    # The statement carries its own FORMAT clause; the format argument is only the default.
    result = lib.chdb_query_n(handle, sql, len(sql), b'RowBinary', 9)
    try:
        error = lib.chdb_result_error(result)
        if error:
            return None, ctypes.string_at(error).decode('utf-8', 'replace')
        return ctypes.string_at(lib.chdb_result_buffer(result), lib.chdb_result_length(result)), None
    finally:
        lib.chdb_destroy_query_result(result)


total = exact = 0
failures = []
with open(sys.argv[1]) as cases:
    for line in cases:
        sql_hex, expected_hex, modern, label = line.rstrip('\n').split('\t', 3)
        total += 1
        body, error = query(bytes.fromhex(sql_hex))
        if body is not None and body.hex() == expected_hex:
            exact += 1
        else:
            failures.append((label, bytes.fromhex(sql_hex)[:200], error or body.hex()[:200], expected_hex[:200]))
lib.chdb_close_conn(conn)
shutil.rmtree(data_dir, ignore_errors=True)
for failure in failures[:30]:
    print('MISMATCH', *failure)
print(f'chdb cases={total} exact={exact} failed={len(failures)}')
sys.exit(1 if failures else 0)

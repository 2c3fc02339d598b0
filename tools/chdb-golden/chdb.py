"""Minimal ctypes binding of the chDB C API (libchdb.so), enough to run queries and get raw bytes."""
import ctypes
import os
import subprocess

_DEFAULT_LIB = os.path.expanduser("~/.cache/chdb/26.5.3/package/libchdb.so")
_FETCH = "/work/shared/clickhouse/fetch-libchdb.sh"


def find_library():
    """Path of libchdb.so: $CHDB_LIB, the cache, or whatever fetch-libchdb.sh prints."""
    path = os.environ.get("CHDB_LIB")
    if path:
        return path
    if os.path.exists(_DEFAULT_LIB):
        return _DEFAULT_LIB
    if os.path.exists(_FETCH):
        out = subprocess.run([_FETCH], check=True, capture_output=True, text=True).stdout
        return out.strip().splitlines()[-1]
    raise SystemExit("libchdb.so not found: set CHDB_LIB or run fetch-libchdb.sh")


class ChdbError(Exception):
    pass


class Chdb:
    """One chDB connection (one session: SET statements persist between queries)."""

    def __init__(self, data_path, lib_path=None):
        lib = ctypes.CDLL(lib_path or find_library())
        lib.chdb_connect.restype = ctypes.c_void_p
        lib.chdb_connect.argtypes = [ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
        lib.chdb_close_conn.restype = None
        lib.chdb_close_conn.argtypes = [ctypes.c_void_p]
        lib.chdb_query_n.restype = ctypes.c_void_p
        lib.chdb_query_n.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t,
                                     ctypes.c_char_p, ctypes.c_size_t]
        lib.chdb_result_buffer.restype = ctypes.c_void_p
        lib.chdb_result_buffer.argtypes = [ctypes.c_void_p]
        lib.chdb_result_length.restype = ctypes.c_size_t
        lib.chdb_result_length.argtypes = [ctypes.c_void_p]
        lib.chdb_result_error.restype = ctypes.c_char_p
        lib.chdb_result_error.argtypes = [ctypes.c_void_p]
        lib.chdb_destroy_query_result.restype = None
        lib.chdb_destroy_query_result.argtypes = [ctypes.c_void_p]
        self._lib = lib
        args = [b"clickhouse", ("--path=" + data_path).encode()]
        argv = (ctypes.c_char_p * len(args))(*args)
        # chdb_connect returns a pointer TO the connection handle.
        self._conn_ptr = lib.chdb_connect(len(args), argv)
        if not self._conn_ptr:
            raise ChdbError("chdb_connect failed")
        self._conn = ctypes.c_void_p.from_address(self._conn_ptr).value

    def query(self, sql, fmt="TSVRaw"):
        """Run one statement; returns the result bytes, raises ChdbError with the engine's message."""
        s = sql.encode("utf-8")
        f = fmt.encode("ascii")
        res = self._lib.chdb_query_n(self._conn, s, len(s), f, len(f))
        if not res:
            raise ChdbError("chdb_query_n returned NULL for: " + sql)
        try:
            err = self._lib.chdb_result_error(res)
            if err:
                raise ChdbError(err.decode("utf-8", "replace").strip() + "\n  query: " + sql)
            n = self._lib.chdb_result_length(res)
            buf = self._lib.chdb_result_buffer(res)
            return ctypes.string_at(buf, n) if n and buf else b""
        finally:
            self._lib.chdb_destroy_query_result(res)

    def close(self):
        if self._conn_ptr:
            self._lib.chdb_close_conn(self._conn_ptr)
            self._conn_ptr = None

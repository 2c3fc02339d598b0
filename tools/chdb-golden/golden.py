#!/usr/bin/env python3
"""Golden RowBinary vectors from a real ClickHouse engine (chDB 26.5, optionally a 18.16 HTTP server).

Reads the committed spec (cases.tsv, queries.tsv, setup.sql, settings.txt next to this file) and writes
values.tsv, names_and_types.tsv, settings.txt (and values-18.16.tsv with --server18) into
clickhouse-client/src/test/resources/golden/rowbinary/. Output is a pure function of the spec and the engine.
"""
import argparse
import os
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT_DIR = os.path.join(ROOT, "clickhouse-client", "src", "test", "resources", "golden", "rowbinary")

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, HERE)
from chdb import Chdb, ChdbError  # noqa: E402


# ---------------------------------------------------------------- escaping

def tsv_escape_bytes(data):
    r"""TSV-escape raw bytes into UTF-8 text.

    \\ \t \n \r \0 by name; every other byte below 0x20, 0x7f, and every byte that is not part of valid
    UTF-8 as \\xHH (lowercase). Everything else (valid UTF-8) is kept as is.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    named = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "\\0"}
    out = []
    for ch in text:
        code = ord(ch)
        if ch in named:
            out.append(named[ch])
        elif code < 0x20 or code == 0x7F:
            out.append("\\x%02x" % code)
        elif 0xDC80 <= code <= 0xDCFF:
            out.append("\\x%02x" % (code - 0xDC00))
        else:
            out.append(ch)
    return "".join(out)


def tsv_escape(text):
    return tsv_escape_bytes(text.encode("utf-8"))


# ---------------------------------------------------------------- spec

def read_tsv(path, ncols_min, ncols_max):
    rows = []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if not ncols_min <= len(cols) <= ncols_max:
                raise SystemExit("%s:%d: expected %d..%d columns, got %d" % (path, lineno, ncols_min, ncols_max, len(cols)))
            cols += [""] * (ncols_max - len(cols))
            rows.append(cols + [lineno])
    return rows


def read_cases():
    """cases.tsv: id, type (empty = take the engine's), expression, flags (comma list; '18' = also on 18.16)."""
    rows = read_tsv(os.path.join(HERE, "cases.tsv"), 3, 4)
    if rows and rows[0][0] == "id":
        rows = rows[1:]
    seen = set()
    for r in rows:
        if r[0] in seen:
            raise SystemExit("duplicate case id " + r[0])
        seen.add(r[0])
    return rows


def read_queries():
    rows = read_tsv(os.path.join(HERE, "queries.tsv"), 2, 2)
    if rows and rows[0][0] == "id":
        rows = rows[1:]
    return rows


def read_settings():
    settings = []
    with open(os.path.join(HERE, "settings.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, value = line.split("=", 1)
                settings.append((name.strip(), value.strip()))
    return settings


def read_setup():
    with open(os.path.join(HERE, "setup.sql"), encoding="utf-8") as f:
        text = "\n".join(l for l in f.read().splitlines() if not l.lstrip().startswith("--"))
    return [s.strip() for s in text.split(";") if s.strip()]


# ---------------------------------------------------------------- RowBinaryWithNamesAndTypes header

def read_varint(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, pos
        shift += 7


def parse_header(buf):
    """(names, types) from a RowBinaryWithNamesAndTypes result (types as text)."""
    n, pos = read_varint(buf, 0)
    strings = []
    for _ in range(2 * n):
        ln, pos = read_varint(buf, pos)
        strings.append(buf[pos:pos + ln].decode("utf-8"))
        pos += ln
    return strings[:n], strings[n:], pos


# ---------------------------------------------------------------- engines

class ChdbEngine:
    def __init__(self, settings):
        self.tmp = tempfile.mkdtemp(prefix="chdb-golden-")
        self.db = Chdb(os.path.join(self.tmp, "data"))
        for name, value in settings:
            self.db.query("SET %s = %s" % (name, value))
        tz = self.db.query("SELECT timezone()").decode().strip()
        if tz not in ("UTC", "Etc/UTC"):
            raise SystemExit("session time zone is %s, expected UTC" % tz)
        for stmt in read_setup():
            self.db.query(stmt)

    def version(self):
        return self.db.query("SELECT version()").decode().strip()

    def run(self, sql, fmt):
        return self.db.query(sql, fmt)

    def type_of(self, select_tail):
        names, types, _ = parse_header(self.run("SELECT " + select_tail, "RowBinaryWithNamesAndTypes"))
        if len(types) != 1:
            raise ChdbError("expected one column, got %d: %s" % (len(types), select_tail))
        return types[0]

    def close(self):
        self.db.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


class HttpEngine:
    """A ClickHouse server over HTTP (used for the 18.16 server); settings go as URL parameters."""

    def __init__(self, url, settings):
        self.url = url.rstrip("/") + "/"
        self.settings = settings

    def run(self, sql, fmt):
        params = urllib.parse.urlencode(self.settings)
        req = urllib.request.Request(self.url + "?" + params, data=(sql + " FORMAT " + fmt).encode("utf-8"))
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.read()
        except urllib.error.HTTPError as e:
            raise ChdbError(e.read().decode("utf-8", "replace").strip() + "\n  query: " + sql)

    def version(self):
        return self.run("SELECT version()", "TSVRaw").decode().strip()

    def type_of(self, select_tail):
        if " FROM " in select_tail:
            raise ChdbError("table cases are not run on the HTTP engine")
        return self.run("SELECT toTypeName(%s)" % select_tail, "TSVRaw").decode().rstrip("\n")

    def close(self):
        pass


# ---------------------------------------------------------------- generation

def strip_one_newline(data):
    return data[:-1] if data.endswith(b"\n") else data


def gen_values(engine, cases, check_types=True):
    lines = []
    failures = []
    for cid, ctype, expr, flags, lineno in cases:
        try:
            actual_type = engine.type_of(expr)
            if check_types and ctype and ctype != actual_type:
                raise ChdbError("type mismatch: spec says %s, engine says %s" % (ctype, actual_type))
            rb = engine.run("SELECT " + expr, "RowBinary")
            text = strip_one_newline(engine.run("SELECT " + expr, "TSVRaw"))
            lines.append("\t".join([cid, actual_type, tsv_escape(expr), rb.hex(), tsv_escape_bytes(text)]))
        except ChdbError as e:
            failures.append("cases.tsv:%d %s: %s" % (lineno, cid, e))
    return lines, failures


def gen_queries(engine, queries):
    lines = []
    failures = []
    for qid, query, lineno in queries:
        try:
            data = engine.run(query, "RowBinaryWithNamesAndTypes")
            lines.append("\t".join([qid, tsv_escape(query), data.hex()]))
        except ChdbError as e:
            failures.append("queries.tsv:%d %s: %s" % (lineno, qid, e))
    return lines, failures


VALUES_HEADER = """\
# Golden RowBinary vectors. GENERATED by tools/chdb-golden/golden.py from tools/chdb-golden/cases.tsv: do not edit.
# Engine: {engine}. Session settings: settings.txt (session_timezone=UTC).
# Columns: id, type (toTypeName, from the RowBinaryWithNamesAndTypes header), expression
# (run as `SELECT <expression>`; it may end in `FROM table` or `SETTINGS ...`), rowbinary_hex (lowercase),
# text (the TSVRaw output without its final newline). Every field is TSV-escaped: \\\\ \\t \\n \\r \\0 by name, other
# control bytes (< 0x20, 0x7f) and bytes that are not valid UTF-8 as \\xHH. So NULL (TSVRaw writes \\N) reads \\\\N here.
"""


def write_file(path, header, column_names, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        f.write("\t".join(column_names) + "\n")
        for line in lines:
            f.write(line + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=OUT_DIR, help="output directory")
    ap.add_argument("--server18", metavar="URL", help="also write values-18.16.tsv from this 18.16 HTTP server")
    ap.add_argument("--only18", action="store_true", help="only write values-18.16.tsv (needs --server18)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    cases = read_cases()
    settings = read_settings()
    failures = []

    if not args.only18:
        engine = ChdbEngine(settings)
        try:
            version = engine.version()
            lines, f1 = gen_values(engine, cases)
            qlines, f2 = gen_queries(engine, read_queries())
            failures += f1 + f2
        finally:
            engine.close()
        name = "chDB (ClickHouse %s)" % version
        write_file(os.path.join(args.out, "values.tsv"), VALUES_HEADER.format(engine=name),
                   ["id", "type", "expression", "rowbinary_hex", "text"], lines)
        write_file(os.path.join(args.out, "names_and_types.tsv"),
                   "# Golden RowBinaryWithNamesAndTypes results. GENERATED by tools/chdb-golden/golden.py from "
                   "tools/chdb-golden/queries.tsv: do not edit.\n# Engine: %s. Columns: id, query (run as given, "
                   "escaped like values.tsv), hex (header + rows).\n" % name,
                   ["id", "query", "hex"], qlines)
        with open(os.path.join(args.out, "settings.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("# Session settings used by tools/chdb-golden/golden.py for values.tsv and names_and_types.tsv\n")
            for n, v in settings:
                f.write("%s=%s\n" % (n, v.strip("'")))
        print("values.tsv: %d cases, names_and_types.tsv: %d queries" % (len(lines), len(qlines)))

    if args.server18:
        s18 = [("allow_experimental_low_cardinality_type", "1")]
        engine = HttpEngine(args.server18, s18)
        version = engine.version()
        subset = [c for c in cases if "18" in c[3].split(",")]
        lines, f3 = gen_values(engine, subset, check_types=False)
        failures += f3
        write_file(os.path.join(args.out, "values-18.16.tsv"),
                   VALUES_HEADER.format(engine="ClickHouse server %s over HTTP" % version).replace(
                       "Session settings: settings.txt (session_timezone=UTC)",
                       "Server timezone UTC, URL setting allow_experimental_low_cardinality_type=1; "
                       "cases flagged 18 in cases.tsv, type from toTypeName()"),
                   ["id", "type", "expression", "rowbinary_hex", "text"], lines)
        print("values-18.16.tsv: %d cases" % len(lines))

    if failures:
        print("\n".join(failures), file=sys.stderr)
        print("%d failures" % len(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

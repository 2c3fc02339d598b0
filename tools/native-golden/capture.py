"""Captures real `FORMAT Native` output for the block reader's golden tests.

Writes clickhouse-client/src/test/resources/golden/native/<engine>/<id>.bin for each case of cases.tsv: the bytes
exactly as chDB 26.5 (in process, through ../chdb-golden/chdb.py) and a ClickHouse 18.16 server (over HTTP) wrote
them. Never from our own code.

    python3 tools/native-golden/capture.py --server18 http://127.0.0.1:PORT/
"""
import argparse
import os
import sys
import tempfile
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "clickhouse-client", "src", "test", "resources", "golden", "native")
sys.path.insert(0, os.path.join(HERE, "..", "chdb-golden"))


def cases():
    with open(os.path.join(HERE, "cases.tsv"), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            case_id, engines, settings, query = line.split("\t", 3)
            yield case_id, engines.split(","), settings, query


def write(engine, case_id, data):
    os.makedirs(os.path.join(OUT, engine), exist_ok=True)
    with open(os.path.join(OUT, engine, case_id + ".bin"), "wb") as f:
        f.write(data)
    print(engine, case_id, len(data), "bytes")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server18", help="base URL of a ClickHouse 18.16 server; without it only chDB runs")
    args = parser.parse_args()
    from chdb import Chdb
    chdb = Chdb(tempfile.mkdtemp(prefix="native-golden-"))
    chdb.query("SET session_timezone = 'UTC'")
    for case_id, engines, settings, query in cases():
        if "26" in engines:
            sql = query
            if settings and not settings.startswith("allow_experimental_low_cardinality"):
                sql += " SETTINGS " + settings.replace("&", ", ")
            write("26.5", case_id, chdb.query(sql, "Native"))
        if "18" in engines and args.server18:
            params = {"default_format": "Native"}
            for pair in filter(None, settings.split("&")):
                name, value = pair.split("=", 1)
                params[name] = value
            url = args.server18.rstrip("/") + "/?" + urllib.parse.urlencode(params)
            with urllib.request.urlopen(urllib.request.Request(url, data=query.encode("utf-8"))) as r:
                write("18.16", case_id, r.read())


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent hand decoder for the scalar rows of values.tsv: decodes rowbinary_hex per the RowBinary spec
(https://clickhouse.com/docs/interfaces/formats/RowBinary) and compares with the engine's own text column.
A sanity check of the golden files (and of our reading of the spec), not a codec."""
import datetime
import ipaddress
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VALUES = os.path.join(HERE, "..", "..", "clickhouse-client", "src", "test", "resources", "golden", "rowbinary",
                      sys.argv[1] if len(sys.argv) > 1 else "values.tsv")
EPOCH = datetime.datetime(1970, 1, 1)


def unescape(s):
    return re.sub(r"\\(x[0-9a-f]{2}|.)", lambda m: {"t": "\t", "n": "\n", "r": "\r", "0": "\0", "\\": "\\"}.get(
        m.group(1), chr(int(m.group(1)[1:], 16)) if m.group(1).startswith("x") else m.group(0)), s)


def leint(b, signed):
    return int.from_bytes(b, "little", signed=signed)


def fmt_ticks(ticks, p, with_time=True):
    secs, frac = divmod(ticks, 10 ** p)
    text = (EPOCH + datetime.timedelta(seconds=secs)).strftime("%Y-%m-%d %H:%M:%S")
    return text + ("." + str(frac).zfill(p) if p else "")


def fmt_decimal(v, s):
    sign = "-" if v < 0 else ""
    i, f = divmod(abs(v), 10 ** s)
    f = str(f).zfill(s).rstrip("0") if s else ""
    return sign + str(i) + ("." + f if f else "")


def decode(t, b):
    """(text, bytes consumed) or None if this checker does not know the type."""
    m = re.fullmatch(r"(U?)Int(8|16|32|64|128|256)", t)
    if m:
        n = int(m.group(2)) // 8
        return str(leint(b[:n], not m.group(1))), n
    if t == "Bool":
        return ("true" if b[0] else "false"), 1
    if t in ("Float32", "Float64"):
        n = 4 if t == "Float32" else 8
        return struct.unpack("<f" if n == 4 else "<d", b[:n])[0], n
    m = re.fullmatch(r"Decimal\((\d+), (\d+)\)", t)
    if m:
        p, s = int(m.group(1)), int(m.group(2))
        n = 4 if p <= 9 else 8 if p <= 18 else 16 if p <= 38 else 32
        return fmt_decimal(leint(b[:n], True), s), n
    if t == "Date":
        return (EPOCH + datetime.timedelta(days=leint(b[:2], False))).strftime("%Y-%m-%d"), 2
    if t == "Date32":
        return (EPOCH + datetime.timedelta(days=leint(b[:4], True))).strftime("%Y-%m-%d"), 4
    if t in ("DateTime", "DateTime('UTC')"):
        return fmt_ticks(leint(b[:4], False), 0), 4
    m = re.fullmatch(r"DateTime64\((\d)(, 'UTC')?\)", t)
    if m:
        return fmt_ticks(leint(b[:8], True), int(m.group(1))), 8
    if t == "UUID":
        hi, lo = b[:8][::-1].hex(), b[8:16][::-1].hex()
        h = hi + lo
        return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:]), 16
    if t == "IPv4":
        return str(ipaddress.IPv4Address(leint(b[:4], False))), 4
    if t == "IPv6":
        a = ipaddress.IPv6Address(bytes(b[:16]))
        return (("::ffff:" + str(a.ipv4_mapped)) if a.ipv4_mapped else str(a)), 16
    if t == "String":
        n = shift = pos = 0
        while True:
            c = b[pos]
            pos += 1
            n |= (c & 0x7F) << shift
            shift += 7
            if c < 0x80:
                break
        return bytes(b[pos:pos + n]).decode("latin-1"), pos + n
    m = re.fullmatch(r"FixedString\((\d+)\)", t)
    if m:
        n = int(m.group(1))
        return bytes(b[:n]).decode("latin-1"), n
    m = re.fullmatch(r"Nullable\((.*)\)", t)
    if m:
        if b[0] == 1:
            return "\\N", 1
        r = decode(m.group(1), b[1:])
        return (r[0], r[1] + 1) if r else None
    return None


def main():
    checked = skipped = bad = 0
    for line in open(VALUES, encoding="utf-8"):
        if line.startswith("#") or line.startswith("id\t"):
            continue
        cid, t, _expr, hx, text = line.rstrip("\n").split("\t")
        b = bytes.fromhex(hx)
        r = decode(t, b)
        if r is None:
            skipped += 1
            continue
        value, used = r
        expected = unescape(text)
        if isinstance(value, float):
            if expected in ("nan", "inf", "-inf"):
                ok = str(value) == expected
            else:
                fmt = "<f" if t == "Float32" else "<d"
                ok = struct.pack(fmt, float(expected)) == struct.pack(fmt, value)
        elif value == "\\N":
            ok = expected == "\\N"
        elif t.endswith("String") or "FixedString" in t:
            ok = raw_equal(value, text)
        else:
            ok = value == expected
        ok = ok and used == len(b)
        checked += 1
        if not ok:
            bad += 1
            print("MISMATCH %s %s: decoded %r, engine text %r (used %d of %d bytes)" % (cid, t, value, text, used, len(b)))
    print("checked %d, skipped %d (composite types), mismatches %d" % (checked, skipped, bad))
    sys.exit(1 if bad else 0)


def raw_equal(latin1_value, escaped_text):
    """Compare decoded raw bytes (as latin-1 str) with the escaped text column."""
    raw = bytearray()
    i = 0
    s = escaped_text
    while i < len(s):
        if s[i] == "\\":
            c = s[i + 1]
            if c == "x":
                raw.append(int(s[i + 2:i + 4], 16))
                i += 4
                continue
            raw += {"t": b"\t", "n": b"\n", "r": b"\r", "0": b"\0", "\\": b"\\"}[c]
            i += 2
            continue
        raw += s[i].encode("utf-8")
        i += 1
    return latin1_value.encode("latin-1") == bytes(raw)


if __name__ == "__main__":
    main()

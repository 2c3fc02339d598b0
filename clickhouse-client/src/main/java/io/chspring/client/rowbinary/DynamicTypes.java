package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

/**
 * The ClickHouse type a plain Java value gets when written to a Dynamic column or a JSON path. JSON inference
 * follows the server's for JSON documents (integers Int64, floats Float64, arrays Array(Nullable(T))).
 */
final class DynamicTypes {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private DynamicTypes() {
    }

    static ClickHouseType infer(Object v, boolean json) {
        String name = name(v, json);
        return name == null ? null : ClickHouseType.parse(name);
    }

    private static String name(Object v, boolean json) {
        if (v instanceof String || v instanceof byte[]) {
            return "String";
        } else if (v instanceof Boolean) {
            return "Bool";
        } else if (v instanceof Long) {
            return "Int64";
        } else if (v instanceof Integer) {
            return json ? "Int64" : "Int32";
        } else if (v instanceof Short) {
            return json ? "Int64" : "Int16";
        } else if (v instanceof Byte) {
            return json ? "Int64" : "Int8";
        } else if (v instanceof Double) {
            return "Float64";
        } else if (v instanceof Float) {
            return json ? "Float64" : "Float32";
        } else if (v instanceof BigInteger b) {
            if (b.bitLength() < 64) {
                return "Int64";
            }
            return b.signum() > 0 && b.compareTo(TWO_64) < 0 ? "UInt64" : b.bitLength() < 256 ? "Int256" : null;
        } else if (v instanceof BigDecimal d) {
            int scale = Math.max(0, d.scale());
            int digits = Math.max(d.precision() - d.scale(), 1) + scale;
            int precision = digits <= 9 ? 9 : digits <= 18 ? 18 : digits <= 38 ? 38 : 76;
            return digits > 76 ? null : "Decimal(" + precision + ", " + scale + ")";
        } else if (v instanceof UUID) {
            return "UUID";
        } else if (v instanceof LocalDate d) {
            return d.toEpochDay() >= 0 && d.toEpochDay() <= 0xFFFF ? "Date" : "Date32";
        } else if (v instanceof Instant i) {
            return i.getNano() == 0 && i.getEpochSecond() >= 0 && i.getEpochSecond() <= 0xFFFFFFFFL ? "DateTime"
                    : "DateTime64(9)";
        } else if (v instanceof Inet4Address) {
            return "IPv4";
        } else if (v instanceof Inet6Address) {
            return "IPv6";
        } else if (v instanceof java.util.Map<?, ?> && json) {
            // the server's type for objects nested in JSON arrays
            return "JSON(max_dynamic_paths=256, max_dynamic_types=16)";
        } else if (v instanceof Collection<?> c) {
            String element = null;
            for (Object o : c) {
                if (o == null) {
                    continue;
                }
                String e = name(o, json);
                if (e == null || element != null && !element.equals(e)) {
                    return null;
                }
                element = e;
            }
            if (element == null) {
                return null;
            }
            return element.startsWith("JSON") ? "Array(" + element + ")" : "Array(Nullable(" + element + "))";
        }
        return null;
    }
}

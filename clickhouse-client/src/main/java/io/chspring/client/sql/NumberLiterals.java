package io.chspring.client.sql;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Numeric literals that keep every bit of the Java value. */
final class NumberLiterals {

    private static final BigInteger MIN_INT64 = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private NumberLiterals() {
    }

    /** 2^60: scales any subnormal double into the normal range without losing a bit. */
    private static final double SUBNORMAL_SCALE = 0x1p60;

    /**
     * {@code nan}, {@code inf} and {@code -inf} are ClickHouse's own spellings (18.16 and later). Finite values use
     * {@link Double#toString}, which round-trips, so the server parses back the same bits (checked on 18.16 for
     * -0.0 and thousands of random values). 18.16's number parser rejects subnormals ({@code 4.9E-324} is a syntax
     * error there), so they are written as an exact scaled normal divided by 2^60.
     */
    static void appendDouble(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("nan");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "inf" : "-inf");
        } else if (value != 0 && Math.abs(value) < Double.MIN_NORMAL) {
            out.append('(').append(value * SUBNORMAL_SCALE).append(" / ").append((long) SUBNORMAL_SCALE).append(')');
        } else {
            out.append(value);
        }
    }

    /**
     * A float is written as the exact double it widens to ({@code 0.1f} as {@code 0.10000000149011612}), so that
     * {@code float32_column = ?} matches the stored value; {@code 0.1} would not.
     */
    static void appendFloat(StringBuilder out, float value) {
        appendDouble(out, value);
    }

    /**
     * Up to UInt64 / down to Int64 as plain digits (what ClickHouse literals hold); wider values as
     * {@code toInt128/toInt256/toUInt256('…')} (modern servers only) because a wider bare literal would silently
     * become a Float64.
     */
    static void appendBigInteger(StringBuilder out, BigInteger value) {
        if (value.compareTo(MIN_INT64) >= 0 && value.compareTo(MAX_UINT64) <= 0) {
            out.append(value);
            return;
        }
        int bits = value.bitLength();
        String function;
        if (bits <= 127) {
            function = "toInt128";
        } else if (bits <= 255) {
            function = "toInt256";
        } else if (bits == 256 && value.signum() > 0) {
            function = "toUInt256";
        } else {
            throw new IllegalArgumentException("BigInteger " + value + " does not fit in 256 bits");
        }
        out.append(function).append("('").append(value).append("')");
    }

    /**
     * {@code toDecimalNN('plain digits', scale)} in the narrowest Decimal that holds the value. A bare
     * {@code 1.5} would be a Float64: inexact, and 18.16 refuses to compare Decimal with Float64 (code 43).
     */
    static void appendBigDecimal(StringBuilder out, BigDecimal value) {
        BigDecimal v = value.scale() < 0 ? value.setScale(0) : value;
        int scale = v.scale();
        int precision = Math.max(v.precision(), scale);
        String function;
        if (precision <= 9) {
            function = "toDecimal32";
        } else if (precision <= 18) {
            function = "toDecimal64";
        } else if (precision <= 38) {
            function = "toDecimal128";
        } else if (precision <= 76) {
            function = "toDecimal256";
        } else {
            throw new IllegalArgumentException("BigDecimal " + value + " has precision " + precision
                    + "; ClickHouse Decimal holds at most 76 digits");
        }
        out.append(function).append("('").append(v.toPlainString()).append("', ").append(scale).append(')');
    }
}

package io.chspring.embedded;

import io.chspring.client.ClickHouseConfigurationException;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks integer query parameters against their placeholder's type before they reach chDB, which parses an
 * out-of-range value by wrapping it silently ({@code {x:UInt8}} with 300 gives 44). Covers plain integer types,
 * also inside {@code Nullable(...)} and {@code LowCardinality(...)}; values that are not integer literals are left
 * to the engine, which rejects them (code 457).
 */
final class ParameterRanges {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*(?:(?:Nullable|LowCardinality)\\s*\\(\\s*)*(U?)Int(8|16|32|64|128|256)"
                    + "\\s*\\)*\\s*}");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private ParameterRanges() {
    }

    static void check(String sql, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(sql);
        while (m.find()) {
            String value = parameters.get(m.group(1));
            if (value == null || !INTEGER.matcher(value.strip()).matches()) {
                continue;
            }
            boolean unsigned = !m.group(2).isEmpty();
            int bits = Integer.parseInt(m.group(3));
            BigInteger v = new BigInteger(value.strip());
            BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(bits - 1).negate();
            BigInteger max = unsigned ? BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    : BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
            if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
                throw new ClickHouseConfigurationException("Query parameter '" + m.group(1) + "' = " + value.strip()
                        + " is out of range for " + (unsigned ? "UInt" : "Int") + bits + " [" + min + ", " + max
                        + "]; chDB would wrap it silently");
            }
        }
    }
}

package io.chspring.client.query;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gives bound {@code LocalDateTime} values their instant under the client's {@code TimeZoneRule} before they are
 * rendered, so that a literal means the instant the rule says whatever zone the server or session has. The SQL layer
 * renders instants as {@code toDateTime('…', 'UTC')}; a {@code LocalDateTime} turned into an instant here is
 * rendered the same way. Values without a {@code LocalDateTime} inside are returned as they are, and the zone is
 * only asked for when one is found (asking it may ask the server once).
 */
final class BoundDateTimes {

    private BoundDateTimes() {
    }

    /** {@code values} with every {@code LocalDateTime} inside (also in collections, arrays, maps) as an instant. */
    static List<Object> convert(List<?> values, Supplier<ZoneId> zone) {
        Memo memo = new Memo(zone);
        List<Object> out = null;
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            Object converted = convert(value, memo);
            if (converted != value && out == null) {
                out = new ArrayList<>(values);
            }
            if (out != null) {
                out.set(i, converted);
            }
        }
        return out != null ? out : new ArrayList<>(values);
    }

    /** {@code named} with every {@code LocalDateTime} inside given its instant, as {@link #convert(List, Supplier)}. */
    static Map<String, Object> convert(Map<String, ?> named, Supplier<ZoneId> zone) {
        Memo memo = new Memo(zone);
        Map<String, Object> out = new LinkedHashMap<>();
        named.forEach((name, value) -> out.put(name, convert(value, memo)));
        return out;
    }

    private static Object convert(Object value, Memo zone) {
        if (value instanceof LocalDateTime t) {
            return t.atZone(zone.get()).toInstant();
        }
        if (value instanceof Collection<?> c && contains(c)) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(e -> out.add(convert(e, zone)));
            return out;
        }
        if (value instanceof Object[] a && contains(Arrays.asList(a))) {
            Object[] out = new Object[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = convert(a[i], zone);
            }
            return out;
        }
        if (value instanceof Optional<?> o && o.isPresent() && o.get() instanceof LocalDateTime) {
            return Optional.of(convert(o.get(), zone));
        }
        if (value instanceof Map<?, ?> m && (contains(m.keySet()) || contains(m.values()))) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(convert(k, zone), convert(v, zone)));
            return out;
        }
        return value;
    }

    private static boolean contains(Collection<?> values) {
        for (Object v : values) {
            if (v instanceof LocalDateTime || (v instanceof Collection<?> c && contains(c))
                    || (v instanceof Object[] a && contains(Arrays.asList(a)))
                    || (v instanceof Map<?, ?> m && (contains(m.keySet()) || contains(m.values())))) {
                return true;
            }
        }
        return false;
    }

    /** The zone, asked once per conversion and only when a {@code LocalDateTime} needs it. */
    private static final class Memo {
        private final Supplier<ZoneId> source;
        private ZoneId zone;

        Memo(Supplier<ZoneId> source) {
            this.source = source;
        }

        ZoneId get() {
            if (zone == null) {
                zone = source.get();
            }
            return zone;
        }
    }
}

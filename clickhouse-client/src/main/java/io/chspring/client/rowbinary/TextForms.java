package io.chspring.client.rowbinary;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

/**
 * The other Java forms of types whose codec reads one native form: UUID, IPv4, IPv6, Date as text, Date as a day
 * number. Each wraps the native codec and converts every value read; writing takes the other form (parsed strictly,
 * never through a name lookup) as well as the native one.
 */
final class TextForms {

    private TextForms() {
    }

    static ValueCodec<String> uuid(UuidCodec inner) {
        return new Converting<>(inner, String.class, UUID::toString, TextForms::parseUuid);
    }

    static ValueCodec<String> ipv4(InetCodecs.V4 inner) {
        return new Converting<>(inner, String.class, Inet4Address::getHostAddress, TextForms::parseIpv4);
    }

    static ValueCodec<String> ipv6(InetCodecs.V6 inner) {
        return new Converting<>(inner, String.class, a -> Ipv6Text.format(a.getAddress()), TextForms::parseIp);
    }

    static ValueCodec<String> date(DateCodecs.Day inner) {
        return new Converting<>(inner, String.class, LocalDate::toString, LocalDate::parse);
    }

    static ValueCodec<Integer> epochDay(DateCodecs.Day inner, Class<?> target) {
        return new Converting<>(inner, target, d -> (int) d.toEpochDay(), n -> LocalDate.ofEpochDay(n.longValue()));
    }

    /** 8-4-4-4-12 hex digits only: {@link UUID#fromString} also takes shorter groups, which are typos here. */
    private static UUID parseUuid(String text) {
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            throw new IllegalArgumentException("not a UUID in the form 8-4-4-4-12 hex digits");
        }
        return UUID.fromString(text);
    }

    /** A dotted quad of decimal numbers 0..255. */
    private static Inet4Address parseIpv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9' && value < 256) {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
            } else if (c == '.' && value >= 0 && value <= 255 && part < 4) {
                bytes[part++] = (byte) value;
                value = -1;
            } else {
                throw new IllegalArgumentException("not an IPv4 address a.b.c.d");
            }
        }
        if (part != 4) {
            throw new IllegalArgumentException("not an IPv4 address a.b.c.d");
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    /**
     * An IPv6 literal (or an IPv4 one, stored IPv4-mapped). Only ASCII hex digits, colons and dots reach
     * {@link InetAddress#getByName}, which then parses a literal and never asks a name server.
     */
    private static InetAddress parseIp(String text) {
        if (text.isEmpty() || text.indexOf(':') < 0 && text.indexOf('.') < 0) {
            throw new IllegalArgumentException("not an IP address");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c == ':' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw new IllegalArgumentException("not an IP address");
            }
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        try {
            InetAddress address = InetAddress.getByName(text);
            if (!(address instanceof Inet6Address) && !(address instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IP address");
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address", e);
        }
    }

    /**
     * A codec reading the native form of {@code inner} converted to {@code T}; writes a {@code T} converted back,
     * anything else as {@code inner} takes it.
     */
    static final class Converting<S, T> extends BaseCodec<T> {
        private final ValueCodec<S> inner;
        private final Class<?> accepted;
        private final Function<S, T> reading;
        private final Function<T, ?> writing;

        Converting(ValueCodec<S> inner, Class<?> target, Function<S, T> reading, Function<T, ?> writing) {
            super(inner.type(), target);
            this.inner = inner;
            this.accepted = JavaTypes.boxed(target);
            this.reading = reading;
            this.writing = writing;
        }

        @Override
        public T read(RowBinaryInput in) {
            return reading.apply(inner.read(in));
        }

        @Override
        @SuppressWarnings("unchecked")
        void encode(RowBinaryOutput out, Object value) {
            if (!accepted.isInstance(value)) {
                inner.write(out, value);
                return;
            }
            Object converted;
            try {
                converted = writing.apply((T) value);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw CodecErrors.outOfRange(type, value, e.getMessage());
            }
            inner.write(out, converted);
        }
    }
}

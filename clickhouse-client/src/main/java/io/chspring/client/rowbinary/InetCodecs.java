package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** IPv4 (a little-endian UInt32) and IPv6 (16 bytes in network order). No name lookups ever happen. */
final class InetCodecs {

    private InetCodecs() {
    }

    /** IPv4 as Inet4Address. */
    static final class V4 extends BaseCodec<Inet4Address> {
        V4(ClickHouseType type) {
            super(type, Inet4Address.class);
        }

        @Override
        public Inet4Address read(RowBinaryInput in) {
            int v = in.readInt();
            byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            try {
                return (Inet4Address) InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 bytes are always an IPv4 address", e);
            }
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (!(value instanceof Inet4Address a)) {
                throw CodecErrors.notWritable(type, value);
            }
            byte[] b = a.getAddress();
            out.writeInt((b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF));
        }
    }

    /** IPv4 as its unsigned 32-bit value in a long (or Long), 0 .. 4294967295. */
    static final class V4Number extends BaseCodec<Long> {
        private final V4 address;

        V4Number(ClickHouseType type, Class<?> target) {
            super(type, target);
            this.address = new V4(type);
        }

        @Override
        public Long read(RowBinaryInput in) {
            return in.readInt() & 0xFFFFFFFFL;
        }

        @Override
        public long readLong(RowBinaryInput in) {
            return in.readInt() & 0xFFFFFFFFL;
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (value instanceof Inet4Address a) {
                address.encode(out, a);
                return;
            }
            if (!(value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte)) {
                throw CodecErrors.notWritable(type, value);
            }
            long v = ((Number) value).longValue();
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw CodecErrors.outOfRange(type, value, "the range is 0 .. 4294967295");
            }
            out.writeInt((int) v);
        }
    }

    /** IPv6 as Inet6Address (IPv4-mapped addresses stay Inet6Address); an Inet4Address is written mapped. */
    static final class V6 extends BaseCodec<Inet6Address> {
        V6(ClickHouseType type) {
            super(type, Inet6Address.class);
        }

        @Override
        public Inet6Address read(RowBinaryInput in) {
            try {
                return Inet6Address.getByAddress(null, in.readBytes(16), -1);
            } catch (UnknownHostException e) {
                throw new IllegalStateException("16 bytes are always an IPv6 address", e);
            }
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (value instanceof Inet6Address a) {
                out.writeBytes(a.getAddress());
            } else if (value instanceof Inet4Address a) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xFF;
                mapped[11] = (byte) 0xFF;
                System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
                out.writeBytes(mapped);
            } else {
                throw CodecErrors.notWritable(type, value);
            }
        }
    }
}

package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** String (length-prefixed bytes) and FixedString(N) (exactly N bytes) as String or byte[]. */
final class StringCodecs {

    private StringCodecs() {
    }

    /** String as java.lang.String; bytes that are not UTF-8 become U+FFFD, read as byte[] to keep them. */
    static final class Text extends BaseCodec<String> {
        Text(ClickHouseType type) {
            super(type, String.class);
        }

        @Override
        public String read(RowBinaryInput in) {
            return in.readString();
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (value instanceof String s) {
                out.writeString(s);
            } else if (value instanceof byte[] b) {
                out.writeBinary(b);
            } else {
                throw CodecErrors.notWritable(type, value);
            }
        }
    }

    /** String as byte[], exactly as stored. */
    static final class Binary extends BaseCodec<byte[]> {
        Binary(ClickHouseType type) {
            super(type, byte[].class);
        }

        @Override
        public byte[] read(RowBinaryInput in) {
            return in.readBinary();
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            if (value instanceof byte[] b) {
                out.writeBinary(b);
            } else if (value instanceof String s) {
                out.writeString(s);
            } else {
                throw CodecErrors.notWritable(type, value);
            }
        }
    }

    /**
     * FixedString(N): read as byte[] keeps all N bytes; read as String drops the trailing NUL padding and decodes
     * UTF-8. Writes pad shorter values with NULs and reject longer ones.
     */
    static final class Fixed extends BaseCodec<Object> {
        private final int length;
        private final boolean asString;

        Fixed(ClickHouseType type, boolean asString) {
            super(type, asString ? String.class : byte[].class);
            this.length = type.precision();
            this.asString = asString;
        }

        @Override
        public Object read(RowBinaryInput in) {
            byte[] bytes = in.readBytes(length);
            if (!asString) {
                return bytes;
            }
            int end = length;
            while (end > 0 && bytes[end - 1] == 0) {
                end--;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        }

        @Override
        void encode(RowBinaryOutput out, Object value) {
            byte[] bytes;
            if (value instanceof byte[] b) {
                bytes = b;
            } else if (value instanceof String s) {
                RowBinaryOutput.checkUtf8(s);
                bytes = s.getBytes(StandardCharsets.UTF_8);
            } else {
                throw CodecErrors.notWritable(type, value);
            }
            if (bytes.length > length) {
                throw CodecErrors.outOfRange(type, value instanceof String ? value : Arrays.toString(bytes),
                        bytes.length + " bytes are longer than " + length);
            }
            out.writeBytes(bytes);
            for (int i = bytes.length; i < length; i++) {
                out.writeByte(0);
            }
        }
    }
}

package io.chspring.client.rowbinary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.type.ClickHouseType;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** boolean over UInt8/Int8, against the bytes a real 18.16 server wrote (values-18.16.tsv). */
class ByteBooleanCodecTests {

    private static final Map<String, GoldenFiles.Value> GOLDEN = GoldenFiles.values18().stream()
            .collect(Collectors.toMap(GoldenFiles.Value::id, Function.identity()));

    private static byte[] golden(String id, String type) {
        GoldenFiles.Value v = GOLDEN.get(id);
        assertThat(v).as(id).isNotNull();
        assertThat(v.type()).isEqualTo(type);
        return v.bytes();
    }

    private static <T> ValueCodec<T> codec(String type, Class<T> javaType) {
        return RowBinaryCodecs.codec(ClickHouseType.parse(type), javaType);
    }

    @Test
    void uint8ZeroAndOneAreFalseAndTrueBoxedAndPrimitive() {
        byte[] zero = golden("uint8_zero", "UInt8");
        byte[] one = golden("uint8_one", "UInt8");
        for (Class<?> javaType : List.of(boolean.class, Boolean.class)) {
            ValueCodec<?> c = codec("UInt8", javaType);
            assertThat(c.read(RowBinaryInput.of(zero))).isEqualTo(false);
            assertThat(c.read(RowBinaryInput.of(one))).isEqualTo(true);
            assertThat(c.readBoolean(RowBinaryInput.of(zero))).isFalse();
            assertThat(c.readBoolean(RowBinaryInput.of(one))).isTrue();
            assertThat(RowBinaryOutput.toBytes(o -> c.write(o, false))).isEqualTo(zero);
            assertThat(RowBinaryOutput.toBytes(o -> c.write(o, true))).isEqualTo(one);
            assertThat(RowBinaryOutput.toBytes(o -> c.writeBoolean(o, false))).isEqualTo(zero);
            assertThat(RowBinaryOutput.toBytes(o -> c.writeBoolean(o, true))).isEqualTo(one);
        }
    }

    @Test
    void int8ZeroAndOneAreFalseAndTrue() {
        ValueCodec<Boolean> c = codec("Int8", Boolean.class);
        assertThat(c.read(RowBinaryInput.of(golden("int8_zero", "Int8")))).isFalse();
        assertThat(c.read(RowBinaryInput.of(golden("int8_one", "Int8")))).isTrue();
        assertThat(RowBinaryOutput.toBytes(o -> c.writeBoolean(o, true))).isEqualTo(golden("int8_one", "Int8"));
    }

    @Test
    void anyOtherValueFailsNamingItInsteadOfTruncating() {
        ValueCodec<Boolean> u = codec("UInt8", boolean.class);
        assertThatThrownBy(() -> u.readBoolean(RowBinaryInput.of(golden("uint8_typical", "UInt8"))))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("UInt8")
                .hasMessageContaining("value 200 is not a boolean");
        assertThatThrownBy(() -> u.read(RowBinaryInput.of(golden("uint8_max", "UInt8"))))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("value 255");
        ValueCodec<Boolean> s = codec("Int8", Boolean.class);
        assertThatThrownBy(() -> s.read(RowBinaryInput.of(golden("int8_minus_one", "Int8"))))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("value -1 is not a boolean");
    }

    @Test
    void nullableAndArraysOfUInt8ReadAsBooleans() {
        ValueCodec<Boolean> n = codec("Nullable(UInt8)", Boolean.class);
        assertThat(n.read(RowBinaryInput.of(golden("nullable_uint8_zero", "Nullable(UInt8)")))).isFalse();
        assertThat(n.read(RowBinaryInput.of(HexFormat.of().parseHex("01")))).isNull();
        // [1, 2, 3]: the 2 is not a boolean
        assertThatThrownBy(() -> codec("Array(UInt8)", boolean[].class)
                .read(RowBinaryInput.of(golden("array_uint8", "Array(UInt8)"))))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("value 2");
        assertThat(codec("Array(UInt8)", boolean[].class).read(RowBinaryInput.of(HexFormat.of().parseHex("020100"))))
                .isEqualTo(new boolean[] { true, false });
    }

    @Test
    void widerIntegersAndOtherValuesStayRefused() {
        assertThatThrownBy(() -> codec("UInt16", boolean.class)).isInstanceOf(ClickHouseSchemaException.class)
                .hasMessageContaining("UInt16");
        ValueCodec<Boolean> c = codec("UInt8", Boolean.class);
        assertThatThrownBy(() -> RowBinaryOutput.toBytes(o -> c.write(o, 1)))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("UInt8");
        assertThatThrownBy(() -> RowBinaryOutput.toBytes(o -> c.write(o, null)))
                .isInstanceOf(ClickHouseSchemaException.class);
    }
}

package io.chspring.client.rowbinary;

import io.chspring.client.type.ClickHouseType;
import java.util.Objects;

/**
 * A value of a Variant or Dynamic column together with the ClickHouse type it was stored as. Read a column as
 * {@code TypedValue.class} to see the type; write one to choose the type instead of letting the codec infer it.
 *
 * @param type the ClickHouse type of the value
 * @param value the value in the default Java mapping of that type; {@code null} for NULL
 */
public record TypedValue(ClickHouseType type, Object value) {

    /** Validates the arguments. */
    public TypedValue {
        Objects.requireNonNull(type, "type");
    }

    /** A value of the given type, e.g. {@code TypedValue.of("UInt8", (short) 1)}. */
    public static TypedValue of(String type, Object value) {
        return new TypedValue(ClickHouseType.parse(type), value);
    }
}

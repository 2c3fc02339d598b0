package io.chspring.boot.autoconfigure.money;

import io.chspring.data.mapping.Table;
import org.springframework.data.annotation.Id;

/** An entity with a value type that only a custom conversion can store. */
@Table("payments")
public record Payment(@Id long id, Cents amount) {

    /** Money in cents, stored as Int64. */
    public record Cents(long value) {
    }
}

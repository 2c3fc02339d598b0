package io.chspring.data.features;

import io.chspring.data.mapping.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;

/** An entity with a wrapped id and a money type (custom conversions) and audited creation columns. */
@Table("orders")
public record Order(@Id OrderId id, Money amount, String customer, @CreatedDate @Nullable Instant createdAt,
        @CreatedBy @Nullable String createdBy) {

    public Order(OrderId id, Money amount, String customer) {
        this(id, amount, customer, null, null);
    }

    /** A wrapped id, stored as Int64. */
    public record OrderId(long value) {
    }

    /** Money in cents, stored as Int64. */
    public record Money(long cents) {
    }
}

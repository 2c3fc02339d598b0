package io.chspring.boot.autoconfigure.elsewhere;

import io.chspring.data.mapping.Table;

/** A test entity outside the application's package, found only through {@code @EntityScan}. */
@Table("clicks")
public record Click(long id) {
}

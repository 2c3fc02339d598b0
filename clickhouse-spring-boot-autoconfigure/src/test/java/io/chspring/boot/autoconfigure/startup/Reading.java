package io.chspring.boot.autoconfigure.startup;

import io.chspring.data.mapping.Table;
import java.time.Instant;

/** A test entity with a DateTime column. */
@Table("readings")
public record Reading(long id, Instant ts) {
}

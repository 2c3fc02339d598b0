package io.chspring.boot.autoconfigure.app;

import io.chspring.data.mapping.Table;
import org.springframework.data.annotation.Id;

/** A test entity in the application's package. */
@Table("events")
public record Event(@Id long id, String name) {
}

package io.chspring.boot.test.app;

import io.chspring.data.mapping.Table;
import java.time.Instant;
import org.springframework.data.annotation.Id;

@Table("readings")
public record Reading(@Id long id, String sensor, double value, Instant ts) {
}

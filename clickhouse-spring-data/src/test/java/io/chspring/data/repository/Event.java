package io.chspring.data.repository;

import io.chspring.data.mapping.Table;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;

@Table("events")
public record Event(@Id UUID id, Instant ts, long userId, String name, double value) {
}

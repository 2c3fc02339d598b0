package io.chspring.data.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.mapping.NamingStrategy;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mapping.MappingException;

class ClickHouseMappingContextTests {

    @Table("events")
    record Event(@Id UUID id, Instant ts, long userId, @Column("evt_name") String name, @Transient String scratch,
            @ReadOnlyProperty long nameLength, List<String> tags, Nested nested) {
    }

    record Nested(String a, int b) {
    }

    record HTTPStatusLog(int HTTPStatus) {
    }

    record Clash(String userId, @Column("user_id") String other) {
    }

    private final ClickHouseMappingContext context = new ClickHouseMappingContext();

    @Test
    void tableColumnsAndFlags() {
        ClickHousePersistentEntity<?> entity = context.getRequiredPersistentEntity(Event.class);
        assertThat(entity.getTableName()).isEqualTo("events");
        assertThat(entity.getRequiredIdProperty().getName()).isEqualTo("id");
        assertThat(entity.getRequiredPersistentProperty("userId").getColumnName()).isEqualTo("user_id");
        assertThat(entity.getRequiredPersistentProperty("name").getColumnName()).isEqualTo("evt_name");
        assertThat(entity.getPersistentProperty("scratch")).isNull();
        assertThat(entity.getRequiredPersistentProperty("nameLength").isInsertable()).isFalse();
        assertThat(entity.getRequiredPersistentProperty("ts").isInsertable()).isTrue();
        // nested records and collections are column values (Tuple, Array), never entities of their own
        assertThat(entity.getRequiredPersistentProperty("nested").isEntity()).isFalse();
        assertThat(entity.getRequiredPersistentProperty("tags").isEntity()).isFalse();
    }

    @Test
    void defaultNamesFollowTheClientsNamingStrategy() {
        ClickHousePersistentEntity<?> entity = context.getRequiredPersistentEntity(HTTPStatusLog.class);
        assertThat(entity.getTableName()).isEqualTo("http_status_log");
        assertThat(entity.getRequiredPersistentProperty("HTTPStatus").getColumnName()).isEqualTo("http_status");
        ClickHouseMappingContext asIs = new ClickHouseMappingContext();
        asIs.setNamingStrategy(NamingStrategy.AS_IS);
        assertThat(asIs.getRequiredPersistentEntity(HTTPStatusLog.class).getTableName()).isEqualTo("HTTPStatusLog");
    }

    @Test
    void twoPropertiesOnOneColumnAreRefused() {
        assertThatThrownBy(() -> context.getRequiredPersistentEntity(Clash.class))
                .isInstanceOf(MappingException.class).rootCause()
                .hasMessageContaining("'userId' and 'other' to the same column 'user_id'");
    }
}

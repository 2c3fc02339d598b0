package io.chspring.data.mapping;

import io.chspring.client.mapping.NamingStrategy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.mapping.context.AbstractMappingContext;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.core.TypeInformation;

/**
 * Spring Data's mapping metadata for ClickHouse entities: tables from {@link Table}, columns from {@link Column}
 * (snake_case by default), {@code @Id}, {@code @Transient} (not mapped) and {@code @ReadOnlyProperty} (read, never
 * inserted). Result types of queries (records, DTOs) are described here too, without needing {@link Table}.
 */
public class ClickHouseMappingContext
        extends AbstractMappingContext<ClickHousePersistentEntity<?>, ClickHousePersistentProperty> {

    /** The Java types that are single column values, beyond Spring Data's defaults (primitives, String, ...). */
    private static final SimpleTypeHolder SIMPLE_TYPES = new SimpleTypeHolder(Set.of(UUID.class, Instant.class,
            LocalDate.class, LocalDateTime.class, LocalTime.class, OffsetDateTime.class, ZonedDateTime.class,
            BigDecimal.class, BigInteger.class, InetAddress.class, Inet4Address.class, Inet6Address.class,
            byte[].class), true);

    /**
     * The types the client's codecs read and write natively, as a holder with Spring Data's defaults; custom
     * conversions never apply to them.
     */
    public static SimpleTypeHolder storeSimpleTypes() {
        return SIMPLE_TYPES;
    }

    private NamingStrategy namingStrategy = NamingStrategy.SNAKE_CASE;

    /** A context with the ClickHouse simple types and snake_case names. */
    public ClickHouseMappingContext() {
        setSimpleTypeHolder(SIMPLE_TYPES);
    }

    /**
     * How table and column names derive from class and property names when {@link Table} and {@link Column} do
     * not give them: the client's {@link NamingStrategy#SNAKE_CASE} by default, so entities map the same way here
     * and in the client. Set it before the first entity is used.
     */
    public void setNamingStrategy(NamingStrategy namingStrategy) {
        this.namingStrategy = java.util.Objects.requireNonNull(namingStrategy, "namingStrategy");
    }

    @Override
    protected <T> ClickHousePersistentEntity<T> createPersistentEntity(TypeInformation<T> typeInformation) {
        return new BasicClickHousePersistentEntity<>(typeInformation, namingStrategy);
    }

    @Override
    protected ClickHousePersistentProperty createPersistentProperty(Property property,
            ClickHousePersistentEntity<?> owner, SimpleTypeHolder simpleTypeHolder) {
        return new BasicClickHousePersistentProperty(property, owner, simpleTypeHolder, namingStrategy);
    }
}

package io.chspring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A ClickHouse test slice: the test context holds the ClickHouse client, the {@code ClickHouseTemplate}, the
 * repositories and the {@code Inserter<Entity>} beans of the application's {@code @Table} entities, and nothing else of
 * the application: full auto-configuration is off and component scanning finds no {@code @Component},
 * {@code @Service} or {@code @Controller} (add them with {@link #includeFilters()} or {@code @Import}). The
 * application's {@code @SpringBootConfiguration} is found as for {@code @SpringBootTest}, and its package is where
 * entities and repositories are scanned.
 *
 * <p>Point {@code clickhouse.url} at a test engine, for example with {@code @DynamicPropertySource} from the
 * database of {@code @ClickHouseIntegrationTest} (module clickhouse-test). The Inserter beans read their table's
 * columns when they are created, so create the tables before the context starts (in {@code @BeforeAll}).
 *
 * <pre>{@code
 * @ClickHouseTest
 * @ClickHouseIntegrationTest
 * class EventRepositoryIntegrationTests {
 *     static ClickHouseTestDatabase db;
 *
 *     @BeforeAll
 *     static void schema(ClickHouseTestDatabase database) {
 *         db = database;
 *         db.query("CREATE TABLE events (...) ENGINE = MergeTree ORDER BY ts");
 *     }
 *
 *     @DynamicPropertySource
 *     static void clickhouse(DynamicPropertyRegistry registry) {
 *         registry.add("clickhouse.url", () -> db.url());
 *     }
 *
 *     @Autowired EventRepository events;
 *     ...
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ClickHouseTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(ClickHouseTypeExcludeFilter.class)
@AutoConfigureClickHouse
@ImportAutoConfiguration
public @interface ClickHouseTest {

    /** Properties in {@code key=value} form added to the environment before the context starts. */
    String[] properties() default {};

    /** Whether the default filters apply; they include no component of the application. */
    boolean useDefaultFilters() default true;

    /** Filters of the components to add to the context, for example a service that the test exercises. */
    Filter[] includeFilters() default {};

    /** Filters of the components to leave out of the context. */
    Filter[] excludeFilters() default {};

    /** Auto-configurations to leave out, for example the Inserter auto-configuration. */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}

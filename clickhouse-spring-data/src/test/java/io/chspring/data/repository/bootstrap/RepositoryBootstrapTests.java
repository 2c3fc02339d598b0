package io.chspring.data.repository.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.data.core.ClickHouseTemplate;
import io.chspring.data.mapping.Table;
import io.chspring.data.repository.ClickHouseRepository;
import io.chspring.data.repository.Event;
import io.chspring.data.repository.EventRepository;
import io.chspring.data.repository.Query;
import io.chspring.data.repository.config.EnableClickHouseRepositories;
import io.chspring.data.repository.support.ClickHouseRepositoryFactory;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.repository.query.QueryCreationException;

/**
 * Repositories are checked when they are created: every unusable method fails start-up with a message naming the
 * method and the problem. No server is contacted (the client points at a closed port).
 */
class RepositoryBootstrapTests {

    @Table("scratch")
    record WithTransient(@Id long id, String name, @Transient String scratch) {
    }

    interface UnknownProperty extends ClickHouseRepository<Event, UUID> {
        List<Event> findByNope(String nope);
    }

    interface UnsupportedKeyword extends ClickHouseRepository<Event, UUID> {
        List<Event> findByNameNear(String name);
    }

    interface IgnoreCaseOnNumber extends ClickHouseRepository<Event, UUID> {
        List<Event> findByUserIdIgnoreCase(long userId);
    }

    interface MissingArgument extends ClickHouseRepository<Event, UUID> {
        List<Event> findByNameAndUserId(String name);
    }

    interface TooManyArguments extends ClickHouseRepository<Event, UUID> {
        List<Event> findByName(String name, long extra);
    }

    interface TransientProperty extends ClickHouseRepository<WithTransient, Long> {
        List<WithTransient> findByScratch(String scratch);
    }

    interface UnknownNamedParameter extends ClickHouseRepository<Event, UUID> {
        @Query("SELECT ?fields FROM events WHERE user_id = :user")
        List<Event> byUser(long userId);
    }

    interface WrongPositionalCount extends ClickHouseRepository<Event, UUID> {
        @Query("SELECT ?fields FROM events WHERE user_id = ? AND name = ?")
        List<Event> byUserAndName(long userId);
    }

    interface UnclosedQuote extends ClickHouseRepository<Event, UUID> {
        @Query("SELECT ?fields FROM events WHERE name = 'x")
        List<Event> broken();
    }

    interface DeleteReturningOptional extends ClickHouseRepository<Event, UUID> {
        Optional<Event> deleteByName(String name);
    }

    @Configuration
    @EnableClickHouseRepositories(basePackageClasses = RepositoryBootstrapTests.class, considerNestedRepositories = true,
            includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = UnsupportedKeyword.class))
    static class BadConfig {
    }

    private static ClickHouseClient client;
    private static ClickHouseTemplate template;
    private static ClickHouseRepositoryFactory factory;

    @BeforeAll
    static void setUp() {
        client = ClickHouseClient.fromUrl("http://127.0.0.1:1/nowhere");
        template = new ClickHouseTemplate(client);
        factory = new ClickHouseRepositoryFactory(template);
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    private static void assertFails(Class<?> repository, String method, String... reason) {
        assertThatThrownBy(() -> factory.getRepository(repository)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining(repository.getSimpleName() + "." + method)
                .hasMessageContainingAll(reason);
    }

    @Test
    void aValidRepositoryIsCreatedWithoutTouchingTheServer() {
        assertThat(factory.getRepository(EventRepository.class)).isNotNull();
    }

    @Test
    void unknownPropertyNamesTheMethodAndTheProperty() {
        assertFails(UnknownProperty.class, "findByNope", "nope", "Event");
    }

    @Test
    void keywordsClickHouseCannotHonourAreRefused() {
        assertFails(UnsupportedKeyword.class, "findByNameNear", "NEAR", "no ClickHouse form");
        assertFails(IgnoreCaseOnNumber.class, "findByUserIdIgnoreCase", "only String properties can ignore case");
    }

    @Test
    void argumentCountsAreChecked() {
        assertFails(MissingArgument.class, "findByNameAndUserId", "more than the method's 1 value argument");
        assertFails(TooManyArguments.class, "findByName", "2 value argument(s) but its criteria use 1");
    }

    @Test
    void transientPropertiesCannotBeQueried() {
        assertFails(TransientProperty.class, "findByScratch", "No mapped property 'scratch'");
    }

    @Test
    void queryPlaceholdersAreCheckedAgainstTheParameters() {
        assertFails(UnknownNamedParameter.class, "byUser", "[:user]", "[userId]");
        assertFails(WrongPositionalCount.class, "byUserAndName", "2 ? placeholder(s)", "1 value parameter(s)");
        assertFails(UnclosedQuote.class, "broken", "invalid @Query");
    }

    @Test
    void deleteMethodsReturnVoidACountOrTheRows() {
        assertFails(DeleteReturningOptional.class, "deleteByName", "A delete method returns void");
    }

    @Test
    void applicationContextStartupFailsNamingTheMethod() {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("clickHouseTemplate", ClickHouseTemplate.class, () -> template);
        context.register(BadConfig.class);
        assertThatThrownBy(context::refresh).hasMessageContaining("UnsupportedKeyword.findByNameNear")
                .hasMessageContaining("Near").hasRootCauseInstanceOf(IllegalArgumentException.class);
        context.close();
    }
}

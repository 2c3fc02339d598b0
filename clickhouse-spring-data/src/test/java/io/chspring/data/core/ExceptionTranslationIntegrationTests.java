package io.chspring.data.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.data.mapping.Table;
import io.chspring.test.ClickHouseCredentials;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.TypeMismatchDataAccessException;

/** One real server error per DataAccessException category, each keeping the server code and the query id. */
@ClickHouseIntegrationTest
class ExceptionTranslationIntegrationTests {

    @Table("t")
    record Row(long id, String missing) {
    }

    private static ClickHouseClient client;
    private static ClickHouseTemplate template;

    @BeforeAll
    static void setUp(ClickHouseTestDatabase db) {
        client = ClickHouseClient.fromUrl(db.url());
        template = new ClickHouseTemplate(client);
        template.execute("CREATE TABLE t (id UInt64) ENGINE = MergeTree ORDER BY id");
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    private static void assertCode(DataAccessException e, int code, String queryId) {
        ClickHouseException cause = (ClickHouseException) e.getCause();
        assertThat(cause.errorCode()).isEqualTo(code);
        if (queryId != null) {
            assertThat(cause.queryId()).isEqualTo(queryId);
            assertThat(e.getMessage()).contains(queryId);
        }
    }

    private static DataAccessException failure(Runnable call) {
        try {
            call.run();
        } catch (DataAccessException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }

    @Test
    void badSql() {
        DataAccessException e = failure(() -> template.sql("SELEC 1").queryId("tr-syntax").execute());
        assertThat(e).isInstanceOf(InvalidDataAccessResourceUsageException.class);
        assertCode(e, 62, "tr-syntax");
        DataAccessException unknownTable = failure(() -> template.queryForList("SELECT * FROM no_such_table",
                Long.class));
        assertThat(unknownTable).isInstanceOf(InvalidDataAccessResourceUsageException.class);
        assertCode(unknownTable, 60, null);
        assertCode(failure(() -> template.queryForList("SELECT nope FROM t", Long.class)), 47, null);
    }

    // Typed reads on 18.16 first run DESCRIBE (query) under a query id of its own; an expression over constants
    // fails already there, so these queries read from numbers(1) to fail in the query itself.
    @Test
    void dataIntegrity() {
        DataAccessException e = failure(() -> template.sql("SELECT toUInt8(concat('x', toString(number))) FROM numbers(1)").queryId("tr-data")
                .query(Integer.class).single());
        assertThat(e).isInstanceOf(DataIntegrityViolationException.class);
        assertCode(e, 6, "tr-data");
    }

    @Test
    void permissionDenied(ClickHouseTestDatabase db) {
        ClickHouseCredentials ro = db.server().readonlyUser().orElseThrow();
        try (ClickHouseClient readonly = ClickHouseClient.fromUrl(db.url(ro))) {
            DataAccessException e = failure(() -> new ClickHouseTemplate(readonly).sql("INSERT INTO t VALUES (1)")
                    .queryId("tr-readonly").execute());
            assertThat(e).isInstanceOf(PermissionDeniedDataAccessException.class);
            assertCode(e, 164, "tr-readonly");
        }
        ClickHouseCredentials alice = db.server().passwordUser().orElseThrow();
        try (ClickHouseClient wrong = ClickHouseClient.fromUrl(db.url(new ClickHouseCredentials(alice.user(),
                alice.password() + "-wrong")))) {
            DataAccessException e = failure(() -> new ClickHouseTemplate(wrong).execute("SELECT 1"));
            assertThat(e).isInstanceOf(PermissionDeniedDataAccessException.class);
            assertThat(e.getMessage()).doesNotContain(alice.password());
            assertCode(e, 193, null);
        }
    }

    @Test
    void timeouts() {
        DataAccessException e = failure(() -> template.sql("SELECT count() FROM system.numbers WHERE NOT "
                + "ignore(sleepEachRow(0.001))").setting("max_execution_time", 1).setting("max_block_size", 100)
                .queryId("tr-timeout").query(Long.class).single());
        assertThat(e).isInstanceOf(QueryTimeoutException.class);
        assertCode(e, 159, "tr-timeout");
    }

    @Test
    void transientResourceFailure() {
        // nothing listens on port 1: the connection is refused, which may succeed on a later try
        try (ClickHouseClient nowhere = ClickHouseClient.fromUrl("http://127.0.0.1:1/db?connect_timeout=2s")) {
            DataAccessException e = failure(() -> new ClickHouseTemplate(nowhere).execute("SELECT 1"));
            assertThat(e).isInstanceOf(TransientDataAccessResourceException.class);
        }
    }

    @Test
    void uncategorizedKeepsCodeAndQueryId() {
        DataAccessException e = failure(() -> template.sql("SELECT throwIf(number = 0) FROM numbers(1)").queryId("tr-throw")
                .query(Integer.class).single());
        assertThat(e).isInstanceOf(UncategorizedClickHouseException.class);
        assertThat(((UncategorizedClickHouseException) e).getErrorCode()).isEqualTo(395);
        assertThat(((UncategorizedClickHouseException) e).getQueryId()).isEqualTo("tr-throw");
    }

    @Test
    void schemaMismatchIsATypeMismatch() {
        assertThatThrownBy(() -> template.insertAll(Row.class, List.of(new Row(1, "x"))))
                .isInstanceOf(TypeMismatchDataAccessException.class).hasMessageContaining("missing");
    }
}

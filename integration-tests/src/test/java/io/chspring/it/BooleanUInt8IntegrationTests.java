package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code boolean} fields over UInt8 columns, the boolean of servers without Bool (18.16). */
@ClickHouseIntegrationTest
class BooleanUInt8IntegrationTests {

    record Flag(long id, boolean active, Boolean maybe, boolean[] bits) {
    }

    private static ClickHouseClient client;

    @BeforeAll
    static void setUp(ClickHouseTestDatabase db) {
        client = ItSupport.client(db);
        client.execute("CREATE TABLE flags (id UInt64, active UInt8, maybe Nullable(Int8), bits Array(UInt8)) "
                + "ENGINE = MergeTree ORDER BY id");
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    @Test
    void booleansRoundTripAsZeroAndOne() {
        client.execute("TRUNCATE TABLE flags");
        try (Insert<Flag> insert = client.insert("flags", Flag.class)) {
            insert.write(new Flag(1, true, null, new boolean[] { true, false }));
            insert.write(new Flag(2, false, true, new boolean[0]));
            insert.end();
        }
        try (Inserter<Flag> inserter = client.inserter("flags", Flag.class).build()) {
            inserter.write(new Flag(3, true, false, new boolean[] { false }));
        }
        // what the server stored, read as text by the server itself
        assertThat(client.query("SELECT id, active, maybe, bits FROM flags ORDER BY id").fetchString("TabSeparated"))
                .isEqualTo("1\t1\t\\N\t[1,0]\n2\t0\t1\t[]\n3\t1\t0\t[0]\n");
        List<Flag> read = client.query("SELECT ?fields FROM flags ORDER BY id").fetchAll(Flag.class);
        assertThat(read).extracting(Flag::id, Flag::active, Flag::maybe)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, true, null),
                        org.assertj.core.groups.Tuple.tuple(2L, false, true),
                        org.assertj.core.groups.Tuple.tuple(3L, true, false));
        assertThat(read.get(0).bits()).containsExactly(true, false);
    }

    @Test
    void aValueOtherThanZeroOrOneFailsTheReadNamingIt() {
        client.execute("TRUNCATE TABLE flags");
        client.execute("INSERT INTO flags VALUES (7, 2, NULL, [])");
        assertThatThrownBy(() -> client.query("SELECT ?fields FROM flags").fetchAll(Flag.class))
                .isInstanceOf(ClickHouseSchemaException.class).hasMessageContaining("value 2 is not a boolean")
                .hasMessageContaining("UInt8");
    }
}

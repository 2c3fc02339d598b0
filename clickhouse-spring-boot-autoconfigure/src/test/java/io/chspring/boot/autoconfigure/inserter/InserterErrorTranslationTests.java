package io.chspring.boot.autoconfigure.inserter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chspring.boot.autoconfigure.ClickHouseInserterProperties;
import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.inserter.Inserter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TypeMismatchDataAccessException;

/**
 * An Inserter built by the starter's factory (so every Inserter bean) throws Spring's {@link DataAccessException}s,
 * as repositories do (issue 20). No engine is needed: the errors come from the encoder and from a sender standing in
 * for a server that refuses the batch; the factory's client is never called.
 */
class InserterErrorTranslationTests {

    @Test
    void writeAndFlushErrorsOfAFactoryBuiltInserterAreDataAccessExceptions() {
        try (ClickHouseClient client = ClickHouseClient.fromUrl("http://127.0.0.1:1")) {
            ClickHouseInserterFactory factory = new ClickHouseInserterFactory(client, new ClickHouseInserterProperties());
            Inserter<Long> inserter = factory.configure("events", Inserter.<Long>builder("events", List.of("id"),
                    (row, out) -> {
                        if (row < 0) {
                            throw new ClickHouseSchemaException("column 'id': " + row + " does not fit UInt64");
                        }
                        out.write(new byte[8]);
                    }, batch -> {
                        throw new ClickHouseServerException("Table default.events doesn't exist", 60, "UNKNOWN_TABLE",
                                404, "q1", false);
                    })).period(Duration.ofHours(1)).failureHandler((batch, error) -> { }).build();
            try {
                Throwable write = catchThrowable(() -> inserter.write(-1L));
                assertThat(write).isInstanceOf(TypeMismatchDataAccessException.class)
                        .hasMessageContaining("column 'id'").hasCauseInstanceOf(ClickHouseSchemaException.class);

                Throwable writeAll = catchThrowable(() -> inserter.writeAll(List.of(1L, -2L)));
                assertThat(writeAll).isInstanceOf(TypeMismatchDataAccessException.class)
                        .hasMessageContaining("row 2");

                inserter.write(5L);
                Throwable flush = catchThrowable(inserter::flush);
                assertThat(flush).isInstanceOf(DataAccessException.class)
                        .hasMessageContaining("UNKNOWN_TABLE").hasMessageContaining("failure handler");
            } finally {
                inserter.close();
            }
        }
    }
}

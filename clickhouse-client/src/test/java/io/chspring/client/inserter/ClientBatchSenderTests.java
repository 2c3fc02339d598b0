package io.chspring.client.inserter;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.Compression;
import io.chspring.client.FakeTransport;
import io.chspring.client.ServerErrorCodes;
import io.chspring.client.sql.Identifier;
import io.chspring.client.transport.TransportRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientBatchSenderTests {

    private static BatchBuffer batch() {
        BatchBuffer batch = new BatchBuffer("db1.events", List.of("id", "name"), 7, "abc123-7", Instant.EPOCH);
        byte[] row = {1, 0, 0, 0, 0, 0, 0, 0, 1, 'x'};
        batch.appendRow(row, row.length);
        batch.appendRow(row, row.length);
        return batch;
    }

    @Test
    void insertsTheBatchAsRowBinaryWithoutTheTokenOn18() {
        FakeTransport transport = new FakeTransport("18.16.1");
        transport.client().batchSender().send(batch());

        TransportRequest r = transport.userRequests().get(0);
        assertThat(r.sql()).isEqualTo("INSERT INTO " + Identifier.of("db1", "events").toSql() + " ("
                + Identifier.of("id").toSql() + ", " + Identifier.of("name").toSql() + ") FORMAT RowBinary");
        assertThat(transport.lastBody()).hasSize(20).startsWith(1, 0, 0, 0, 0, 0, 0, 0, 1, 'x');
        assertThat(r.settings()).as("18.16 rejects unknown settings with code 115")
                .doesNotContainKey(ClientBatchSender.DEDUP_TOKEN_SETTING);
        assertThat(r.compressRequest()).isTrue();
    }

    @Test
    void sendsTheDedupTokenWhereTheServerKnowsIt() {
        FakeTransport transport = new FakeTransport("22.2.2.1");
        transport.client().batchSender().send(batch());
        assertThat(transport.userRequests().get(0).settings())
                .containsEntry(ClientBatchSender.DEDUP_TOKEN_SETTING, "abc123-7");
    }

    @Test
    void everyAttemptGetsAFreshQueryIdThatNamesTheBatch() {
        FakeTransport transport = new FakeTransport("18.16.1");
        BatchSender sender = transport.client().batchSender();
        BatchBuffer batch = batch();
        sender.send(batch);
        sender.send(batch);
        List<String> ids = transport.userRequests().stream().map(TransportRequest::queryId).toList();
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches("abc123-7-[0-9a-f]{8}"));
    }

    @Test
    void compressesAsTheClientIsConfigured() {
        FakeTransport transport = new FakeTransport("18.16.1");
        transport.client().withCompression(Compression.NONE).batchSender().send(batch());
        assertThat(transport.userRequests().get(0).compressRequest()).isFalse();
    }

    @Test
    void memoryLimitExceededIsRetriedByAnInserter() {
        ClickHouseServerException e = new ClickHouseServerException("Memory limit (for query) exceeded", 241,
                "MEMORY_LIMIT_EXCEEDED", 500, "q1", ServerErrorCodes.isRetryable(241));
        ClickHouseException seen = ClientBatchSender.forInserter(e);
        assertThat(seen.isRetryable()).isTrue();
        assertThat(seen).isInstanceOf(ClickHouseServerException.class);
        assertThat(seen.errorCode()).isEqualTo(241);
        assertThat(seen.queryId()).isEqualTo("q1");
        assertThat(((ClickHouseServerException) seen).httpStatus()).isEqualTo(500);
    }

    @ParameterizedTest
    @ValueSource(ints = {202, 252})
    void overloadCodesStayRetryable(int code) {
        ClickHouseServerException e = new ClickHouseServerException("busy", code, null, 500, "q1",
                ServerErrorCodes.isRetryable(code));
        assertThat(ClientBatchSender.forInserter(e).isRetryable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 27, 33, 53, 60, 62, 115})
    void schemaAndDataErrorsStayFinal(int code) {
        ClickHouseServerException e = new ClickHouseServerException("bad", code, null, 400, "q1",
                ServerErrorCodes.isRetryable(code));
        assertThat(ClientBatchSender.forInserter(e)).isSameAs(e);
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void transportErrorsPassThrough() {
        ClickHouseTransportException e = new ClickHouseTransportException("connection refused", null, 0, "q", true);
        assertThat(ClientBatchSender.forInserter(e)).isSameAs(e);
    }
}

package io.chspring.benchmarks;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.data_formats.internal.AbstractBinaryFormatReader;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.client.api.serde.POJOFieldDeserializer;
import com.clickhouse.data.ClickHouseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official client-v2 (0.11.0), used the way its documentation shows: {@code register} the POJO class with the
 * table's schema and {@code insert(table, List)} in batches; {@code queryAll(sql, Class, schema)} to read.
 */
final class ClientV2Scenarios {

    /** client-v2 inserts Lists of POJOs; one list per request, so the process holds one batch at a time. */
    static final int BATCH = 100_000;

    private ClientV2Scenarios() {
    }

    static Client client(E2eFork.Target t) {
        return new Client.Builder()
                .addEndpoint(t.baseUrl())
                .setUsername("default")
                .setPassword("")
                .setDefaultDatabase("bench")
                .compressClientRequest(t.lz4())
                .compressServerResponse(t.lz4())
                .useHttpCompression(false)
                .setServerTimeZone("UTC")
                .useTimeZone("UTC")
                .build();
    }

    /** The documented path: the table's schema from {@code getTableSchema}, then {@code register}. */
    static long insert(E2eFork.Target t) throws Exception {
        try (Client client = client(t)) {
            TableSchema schema = client.getTableSchema(name(t), "bench");
            return insert(client, t, schema, schema.getTableName());
        }
    }

    /**
     * A workaround for 18.16, whose DESCRIBE output {@code getTableSchema} cannot parse: a {@code TableSchema} built
     * by hand from the same column types.
     */
    static long insertWithSchema(E2eFork.Target t) throws Exception {
        try (Client client = client(t)) {
            return insert(client, t, Codecs.v2Schema(t.table()), t.table());
        }
    }

    private static long insert(Client client, E2eFork.Target t, TableSchema schema, String table) throws Exception {
        client.register(EventBean.class, schema);
        long rows = 0;
        List<EventBean> batch = new ArrayList<>(BATCH);
        for (long i = 0; i < t.rows(); i++) {
            batch.add(t.beans().row(i));
            if (batch.size() == BATCH || i == t.rows() - 1) {
                client.insert(table, batch).get(10, TimeUnit.MINUTES).close();
                rows += batch.size();
                batch = new ArrayList<>(BATCH);
            }
        }
        return rows;
    }

    /** The table without its database: client-v2 keys registered schemas by that name (the client's database is bench). */
    private static String name(E2eFork.Target t) {
        return t.table().substring(t.table().indexOf('.') + 1);
    }

    /**
     * The documented POJO read: it materializes the whole result as a list, which is the API's shape. The schema is
     * built by hand ({@code getTableSchema} fails on 18.16, see {@link #insert}) so the error shown is the read's own.
     */
    static long readAll(E2eFork.Target t) throws Exception {
        try (Client client = client(t)) {
            TableSchema schema = Codecs.v2Schema(t.table());
            client.register(EventBean.class, schema);
            List<EventBean> all = client.queryAll("SELECT * FROM " + t.table(), EventBean.class, schema);
            return all.size();
        }
    }

    /**
     * A workaround for servers without RowBinaryWithNamesAndTypes (before 19.3): plain RowBinary with a hand-built
     * schema, streamed through the same reader and deserializers {@code queryAll} uses.
     */
    @SuppressWarnings("try") // QueryResponse.close() declares InterruptedException; the fork just fails then
    static long readRowBinary(E2eFork.Target t) throws Exception {
        try (Client client = client(t)) {
            TableSchema schema = Codecs.v2Schema(t.table());
            client.register(EventBean.class, schema);
            Map<String, POJOFieldDeserializer> deserializers = Codecs.v2Deserializers(schema);
            QuerySettings settings = new QuerySettings().setFormat(ClickHouseFormat.RowBinary);
            long rows = 0;
            try (QueryResponse response = client.query("SELECT * FROM " + t.table(), settings).get(10, TimeUnit.MINUTES)) {
                AbstractBinaryFormatReader reader = (AbstractBinaryFormatReader) client.newBinaryFormatReader(response, schema);
                while (true) {
                    EventBean bean = new EventBean();
                    if (!reader.readToPOJO(deserializers, bean)) {
                        break;
                    }
                    rows++;
                }
            }
            return rows;
        }
    }
}

package io.chspring.benchmarks;

import com.clickhouse.client.api.metadata.DefaultColumnToMethodMatchingStrategy;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.client.api.serde.POJOFieldDeserializer;
import com.clickhouse.client.api.serde.POJOFieldSerializer;
import com.clickhouse.client.api.serde.POJOSerDe;
import io.chspring.client.mapping.MappedRowDecoder;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.mapping.MappingOptions;
import io.chspring.client.mapping.RowType;
import io.chspring.client.mapping.TableColumn;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The row codecs of both clients for the benchmark table, built without a server. */
final class Codecs {

    private Codecs() {
    }

    static List<TableColumn> tableColumns() {
        return Arrays.stream(Dataset.COLUMN_TYPES).map(c -> TableColumn.of(c[0], c[1], "")).toList();
    }

    static MappedRowEncoder<Event> ourEncoder() {
        return MappedRowEncoder.of(RowType.of(Event.class), tableColumns(), MappingOptions.DEFAULT);
    }

    static MappedRowDecoder<Event> ourDecoder() {
        return MappedRowDecoder.of(RowType.of(Event.class),
                tableColumns().stream().map(TableColumn::column).toList(), MappingOptions.DEFAULT);
    }

    static TableSchema v2Schema() {
        return v2Schema("bench.events");
    }

    /** client-v2's schema of {@code table} ({@code db.name}), built from the column types without a server. */
    static TableSchema v2Schema(String table) {
        // client-v2 keys registered schemas by table name and looks them up by the name given to insert(...)
        return new TableSchema(table, null, "bench", Arrays.stream(Dataset.COLUMN_TYPES)
                .map(c -> com.clickhouse.data.ClickHouseColumn.of(c[0], c[1])).toList());
    }

    /** client-v2's serializers in table column order, as its {@code Client.insert(table, pojos)} looks them up. */
    static POJOFieldSerializer[] v2Serializers(TableSchema schema) {
        Map<String, POJOFieldSerializer> byColumn = serDe(schema).getFieldSerializers(EventBean.class, schema);
        return schema.getColumns().stream().map(c -> {
            POJOFieldSerializer s = byColumn.get(c.getColumnName());
            if (s == null) {
                throw new IllegalStateException("client-v2 found no serializer for column " + c.getColumnName());
            }
            return s;
        }).toArray(POJOFieldSerializer[]::new);
    }

    static Map<String, POJOFieldDeserializer> v2Deserializers(TableSchema schema) {
        return serDe(schema).getFieldDeserializers(EventBean.class, schema);
    }

    /** client-v2's {@code Client.register(Class, schema)} does this once per class. */
    private static POJOSerDe serDe(TableSchema schema) {
        POJOSerDe serDe = new POJOSerDe(DefaultColumnToMethodMatchingStrategy.INSTANCE);
        serDe.registerClass(EventBean.class, schema);
        return serDe;
    }
}

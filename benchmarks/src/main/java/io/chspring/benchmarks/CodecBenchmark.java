package io.chspring.benchmarks;

import com.clickhouse.client.api.data_formats.RowBinaryFormatReader;
import com.clickhouse.client.api.data_formats.internal.BinaryStreamReader;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.client.api.serde.POJOFieldDeserializer;
import com.clickhouse.client.api.serde.POJOFieldSerializer;
import io.chspring.client.mapping.MappedRowDecoder;
import io.chspring.client.mapping.MappedRowEncoder;
import io.chspring.client.rowbinary.RowBinaryInput;
import io.chspring.client.rowbinary.RowBinaryOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rows per second to encode objects into RowBinary and to decode RowBinary into objects, ours against client-v2's
 * POJO serializer and RowBinary reader, over the same {@value #ROWS} rows and the same bytes. Each operation is
 * one row ({@link OperationsPerInvocation}), so {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per row.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    static final int ROWS = 4096;

    private Event[] events;
    private EventBean[] beans;
    private byte[] bytes;
    private MappedRowEncoder<Event> ourEncoder;
    private MappedRowDecoder<Event> ourDecoder;
    private TableSchema v2Schema;
    private POJOFieldSerializer[] v2Serializers;
    private Map<String, POJOFieldDeserializer> v2Deserializers;
    private final Sink sink = new Sink();
    private RowBinaryOutput ourOut;
    private final QuerySettings v2Settings = new QuerySettings().setUseTimeZone("UTC");

    @Setup
    public void setUp() throws Exception {
        events = new Event[ROWS];
        beans = new EventBean[ROWS];
        for (int i = 0; i < ROWS; i++) {
            events[i] = Dataset.event(i);
            beans[i] = EventBean.of(events[i]);
        }
        ourEncoder = Codecs.ourEncoder();
        ourDecoder = Codecs.ourDecoder();
        v2Schema = Codecs.v2Schema();
        v2Serializers = Codecs.v2Serializers(v2Schema);
        v2Deserializers = Codecs.v2Deserializers(v2Schema);
        ourOut = new RowBinaryOutput(sink, 64 * 1024);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        RowBinaryOutput out = new RowBinaryOutput(all);
        for (Event e : events) {
            ourEncoder.write(out, e);
        }
        out.flush();
        bytes = all.toByteArray();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        for (EventBean b : beans) {
            for (POJOFieldSerializer s : v2Serializers) {
                s.serialize(b, theirs);
            }
        }
        if (!Arrays.equals(bytes, theirs.toByteArray())) {
            throw new IllegalStateException("client-v2 encodes the rows differently from us: the comparison is void");
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long encodeOurs() {
        for (Event e : events) {
            ourEncoder.write(ourOut, e);
        }
        ourOut.flush();
        return sink.take();
    }

    /**
     * client-v2's insert loop over its POJO field serializers. Its Client writes them to the request stream, which
     * its HTTP layer buffers; a plain byte counter stands in for that here, as for ours.
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long encodeClientV2() throws Exception {
        OutputStream out = new java.io.BufferedOutputStream(sink, 64 * 1024);
        for (EventBean b : beans) {
            for (POJOFieldSerializer s : v2Serializers) {
                s.serialize(b, out);
            }
        }
        out.flush();
        return sink.take();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void decodeOurs(Blackhole bh) {
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(bytes), 64 * 1024);
        while (in.hasMore()) {
            bh.consume(ourDecoder.read(in));
        }
    }

    /** What client-v2's {@code queryAll(sql, Class, schema)} does per row: a new bean filled by readToPOJO. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void decodeClientV2(Blackhole bh) throws Exception {
        RowBinaryFormatReader reader = new RowBinaryFormatReader(new ByteArrayInputStream(bytes), v2Settings,
                v2Schema, new BinaryStreamReader.DefaultByteBufferAllocator());
        while (true) {
            EventBean bean = new EventBean();
            if (!reader.readToPOJO(v2Deserializers, bean)) {
                break;
            }
            bh.consume(bean);
        }
    }

    /** Counts bytes and drops them, standing in for a socket. */
    static final class Sink extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        long take() {
            long c = count;
            count = 0;
            return c;
        }
    }
}

package io.chspring.client.insert;

import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.request.ClickHouseRequest;
import io.chspring.client.request.RequestContext;
import io.chspring.client.sql.Identifier;
import io.chspring.client.transport.BodyWriter;
import io.chspring.client.transport.RequestBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code INSERT INTO table [(columns)] FORMAT format} whose rows the caller writes, already encoded in the
 * format, straight to the request body. The body is streamed in chunks (LZ4-framed when the client compresses),
 * never buffered whole. A mutable builder, used once, not thread-safe.
 *
 * <pre>{@code
 * client.insert("db.events").format("TabSeparated")
 *       .send(out -> out.write("1\tclick\n".getBytes(UTF_8)));
 * }</pre>
 */
public final class RawInsert extends ClickHouseRequest<RawInsert> {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final Identifier table;
    private final List<String> columns = new ArrayList<>();
    private String format;

    /** An insert into {@code table}, qualified or not ({@code "db.events"}); see {@link Identifier#ofQualified}. */
    public RawInsert(RequestContext context, String table) {
        this(context, tableIdentifier(table));
    }

    /** An insert into a table given as an identifier. */
    public RawInsert(RequestContext context, Identifier table) {
        super(context);
        this.table = Objects.requireNonNull(table, "table");
    }

    private static Identifier tableIdentifier(String table) {
        try {
            return Identifier.ofQualified(table);
        } catch (IllegalArgumentException e) {
            throw new ClickHouseConfigurationException("The insert's table: " + e.getMessage(), e);
        }
    }

    @Override
    protected RawInsert self() {
        return this;
    }

    /** The input format of the body, for example {@code TabSeparated}, {@code RowBinary}, {@code JSONEachRow}. */
    public RawInsert format(String name) {
        if (name == null || !FORMAT.matcher(name).matches()) {
            throw new ClickHouseConfigurationException("Invalid input format name '" + name + "'");
        }
        this.format = name;
        return this;
    }

    /** The columns the rows hold, in order; by default all the table's columns. */
    public RawInsert columns(String... names) {
        return columns(List.of(names));
    }

    /** The columns the rows hold, in order. */
    public RawInsert columns(List<String> names) {
        for (String name : names) {
            if (name == null || name.isEmpty()) {
                throw new ClickHouseConfigurationException("Insert into " + table + ": a column name is empty");
            }
            columns.add(name);
        }
        return this;
    }

    /**
     * Sends the insert; {@code writer} writes the rows to the body on the calling thread and must not close the
     * stream. Returns when the server has stored the data.
     */
    public InsertSummary send(BodyWriter writer) {
        Objects.requireNonNull(writer, "writer");
        return sendBody(RequestBody.of(writer));
    }

    /**
     * Sends the insert with a body that writes itself into the transport's sink: plain bytes, or, when the client
     * compresses request bodies ({@code RequestContext.compressesRequestBodies()}), LZ4 frames it made while the
     * rows were written. For the client's own inserts and inserters.
     */
    public InsertSummary sendBody(RequestBody body) {
        Objects.requireNonNull(body, "body");
        return InsertSummary.of(finish(send(sql(), Map.of(), Map.of(), body, false, false)));
    }

    /** The statement, with the table and column names quoted as identifiers. */
    String sql() {
        if (format == null) {
            throw new ClickHouseConfigurationException("Insert into " + table + ": no format; call format(...)");
        }
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table.toSql());
        if (!columns.isEmpty()) {
            sb.append(" (");
            for (int i = 0; i < columns.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(Identifier.of(columns.get(i)).toSql());
            }
            sb.append(')');
        }
        return sb.append(" FORMAT ").append(format).toString();
    }
}

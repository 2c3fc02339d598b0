package io.chspring.client.query;

import io.chspring.client.ClickHouseException;
import io.chspring.client.type.BackslashEscapes;
import io.chspring.client.type.ClickHouseColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The first two lines of a {@code TabSeparatedWithNamesAndTypes} answer: the result's column names and types. Servers
 * without RowBinaryWithNamesAndTypes (18.16) cannot {@code DESCRIBE (...)} a SHOW, EXISTS or DESCRIBE statement, but
 * write this header for it, also when there is no row (checked on 18.16.1).
 */
final class TsvHeader {

    /** A header line longer than this is not a header (a result has at most a few thousand columns). */
    private static final int MAX_LINE = 1 << 20;

    private TsvHeader() {
    }

    static List<ClickHouseColumn> read(InputStream in, String queryId) throws IOException {
        List<String> names = fields(line(in, queryId));
        List<String> types = fields(line(in, queryId));
        if (names.size() != types.size()) {
            throw new ClickHouseException("Query " + queryId + ": the TabSeparatedWithNamesAndTypes header has "
                    + names.size() + " names but " + types.size() + " types", null, 0, queryId, false);
        }
        List<ClickHouseColumn> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(ClickHouseColumn.of(names.get(i), types.get(i)));
        }
        return columns;
    }

    private static String line(InputStream in, String queryId) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0 || bytes.size() > MAX_LINE) {
                throw new ClickHouseException("Query " + queryId + ": no TabSeparatedWithNamesAndTypes header in the "
                        + "answer", null, 0, queryId, false);
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split("\t", -1)) {
            fields.add(BackslashEscapes.unescape(field));
        }
        return fields;
    }
}

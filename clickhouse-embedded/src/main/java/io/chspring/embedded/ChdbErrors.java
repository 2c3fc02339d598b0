package io.chspring.embedded;

import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.ServerErrorCodes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns chDB's error text into the client's exceptions. chDB writes the modern server form without the version
 * trailer: {@code Code: 62. DB::Exception: Syntax error: ... (SYNTAX_ERROR)} ({@code getExceptionMessage} in the
 * ClickHouse source, {@code src/Common/Exception.cpp}). The client's own parser for the HTTP bodies is package-private
 * in {@code io.chspring.client.transport}, hence this small one.
 */
final class ChdbErrors {

    /** HTTP-like status for an error before any data, as a server would answer it. */
    static final int BEFORE_DATA = 500;

    /** HTTP-like status for an error after rows were already handed out (a server's 200 with an appended error). */
    static final int AFTER_DATA = 200;

    private static final Pattern ERROR = Pattern.compile(
            "\\s*Code: (\\d{1,9})\\. (.*?)(?: \\(([A-Z][A-Z0-9_]*)\\))?(?: \\(version [^\\n]*\\))?\\s*", Pattern.DOTALL);

    private ChdbErrors() {
    }

    /** The exception for an error text; a text without a ClickHouse code is an engine (transport) failure. */
    static ClickHouseException toException(String text, String queryId, int status) {
        Matcher m = ERROR.matcher(text);
        if (!m.matches()) {
            return new ClickHouseTransportException("chDB failed query " + queryId + ": " + text.strip(), null, 0,
                    queryId, false);
        }
        int code = Integer.parseInt(m.group(1));
        String name = m.group(3) != null ? m.group(3) : ServerErrorCodes.name(code).orElse(null);
        return new ClickHouseServerException(m.group(2).strip(), code, name, status, queryId,
                ServerErrorCodes.isRetryable(code));
    }
}

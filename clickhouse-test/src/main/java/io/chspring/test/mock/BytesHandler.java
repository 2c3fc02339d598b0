package io.chspring.test.mock;

import java.io.IOException;

/**
 * Answers a query with bytes the test gives, as they are, whatever format the client asked for: for code that reads
 * results with {@code fetchBytes}/{@code fetchString} (TabSeparated, JSONEachRow, CSV, ...). Compressed on the wire
 * when the client asks for compression, like any answer.
 */
public final class BytesHandler extends PlainHandler {

    private final byte[] bytes;
    private final String what;

    BytesHandler(byte[] bytes, String what) {
        this.bytes = bytes.clone();
        this.what = what;
    }

    /** A response header to send, replacing the mock's own of the same name. */
    public BytesHandler withHeader(String name, String value) {
        header(name, value);
        return this;
    }

    @Override
    void serve(Exchange exchange) throws IOException {
        served(exchange, exchange.readData());
        exchange.ok(bytes, exchange.outputFormat(), new Exchange.Summary(0, bytes.length, 0, 0), headers());
    }

    @Override
    String describe() {
        return what + "(" + bytes.length + " bytes)";
    }
}

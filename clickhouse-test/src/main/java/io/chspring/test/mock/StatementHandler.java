package io.chspring.test.mock;

import java.io.IOException;

/**
 * Accepts any statement (DDL, {@code INSERT} in any format, {@code SYSTEM ...}) with an empty 200 answer, keeping its
 * text and data for {@link RequestHandle#query()} and {@link RequestHandle#body()}.
 */
public final class StatementHandler extends PlainHandler {

    private final String what;

    StatementHandler(String what) {
        this.what = what;
    }

    /** A response header to send, replacing the mock's own of the same name. */
    public StatementHandler withHeader(String name, String value) {
        header(name, value);
        return this;
    }

    @Override
    void serve(Exchange exchange) throws IOException {
        served(exchange, exchange.readData());
        exchange.ok(new byte[0], null, Exchange.Summary.NONE, headers());
    }

    @Override
    String describe() {
        return what + "()";
    }
}

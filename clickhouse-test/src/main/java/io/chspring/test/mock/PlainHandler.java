package io.chspring.test.mock;

/**
 * A handler whose control is a plain {@link RequestHandle}, made when the handler is added; subclasses answer the
 * request and keep it for the test with {@link #served}.
 */
abstract class PlainHandler extends MockHandler<RequestHandle> {

    private RequestHandle handle;

    PlainHandler() {
    }

    @Override
    RequestHandle prepare() {
        handle = new RequestHandle(describe());
        return handle;
    }

    /** Keeps the request and its {@code data} for the test's {@link RequestHandle}. */
    final void served(Exchange exchange, byte[] data) {
        handle.served(exchange, data);
    }
}

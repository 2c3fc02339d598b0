package io.chspring.test.proxy;

/** Which way bytes flow through the proxy. */
public enum Direction {

    /** From the client to the server: request line, headers and body. */
    REQUEST,

    /** From the server to the client: status line, headers and body. */
    RESPONSE
}

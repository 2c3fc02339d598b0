package io.chspring.test.mock;

import io.chspring.client.ServerErrorCodes;
import java.io.IOException;

/**
 * Fails a request: with a bare HTTP status (as a proxy would), or with a ClickHouse exception in a modern server's
 * form, the {@code X-ClickHouse-Exception-Code} header plus the body
 * {@code Code: 60. DB::Exception: Table x doesn't exist. (UNKNOWN_TABLE) (version 26.5.1.1)}, with the HTTP status a
 * modern server gives that code (server source {@code src/Server/HTTP/exceptionCodeToHTTPStatus.cpp}).
 */
public final class FailureHandler extends PlainHandler {

    private final int code;
    private final String name;
    private final String message;
    private int status;

    FailureHandler(int status, int code, String name, String message) {
        this.status = status;
        this.code = code;
        this.name = name;
        this.message = message;
    }

    /** The HTTP status, instead of the one the server gives the code (200 sends the error with a 200, as a server does after headers went out). */
    public FailureHandler withStatus(int httpStatus) {
        if (httpStatus < 200 || httpStatus > 599) {
            throw new IllegalArgumentException("HTTP status " + httpStatus + " is not between 200 and 599");
        }
        this.status = httpStatus;
        return this;
    }

    /** A response header to send, replacing the mock's own of the same name. */
    public FailureHandler withHeader(String headerName, String value) {
        header(headerName, value);
        return this;
    }

    @Override
    void serve(Exchange exchange) throws IOException {
        served(exchange, new byte[0]);
        exchange.error(status, code, code == 0 ? message : text(exchange.serverVersion()), headers());
    }

    /** The modern error text; see {@code getExceptionMessage} in the server's {@code src/Common/Exception.cpp}. */
    private String text(String version) {
        String m = message.endsWith(".") ? message : message + ".";
        String n = name != null ? name : ServerErrorCodes.name(code).orElse(null);
        return "Code: " + code + ". DB::Exception: " + m + (n == null ? "" : " (" + n + ")") + " (version " + version + ")";
    }

    /** The status a modern server answers {@code code} with; 500 for codes without a special status. */
    static int statusOf(int code) {
        return switch (code) {
            case 194 -> 401; // REQUIRED_PASSWORD
            case 192, 193, 497, 516 -> 403; // UNKNOWN_USER, WRONG_PASSWORD, ACCESS_DENIED, AUTHENTICATION_FAILED
            case 6, 8, 27, 36, 44, 53, 62, 117 -> 400; // CANNOT_PARSE_TEXT, THERE_IS_NO_COLUMN, ..., SYNTAX_ERROR
            case 46, 47, 50, 60, 73, 81, 115 -> 404; // UNKNOWN_FUNCTION, _IDENTIFIER, _TYPE, _TABLE, _FORMAT, ...
            case 48 -> 501; // NOT_IMPLEMENTED
            case 159 -> 408; // TIMEOUT_EXCEEDED
            case 209 -> 503; // SOCKET_TIMEOUT
            default -> 500;
        };
    }

    @Override
    String describe() {
        return code == 0 ? "failure(HTTP " + status + ")" : "exception(" + code + ", HTTP " + status + ")";
    }
}

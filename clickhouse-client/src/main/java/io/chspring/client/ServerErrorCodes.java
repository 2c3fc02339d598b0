package io.chspring.client;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ClickHouse server error codes this client acts on: code, symbolic name, and whether sending the same
 * request again may succeed.
 *
 * <p>Names and numbers come from the server's {@code src/Common/ErrorCodes.cpp}; they are stable across
 * versions (18.16 to 26.x). Codes missing from this table are treated as not retryable. "Retryable" means a
 * later attempt of the same request can succeed without changing it (overload, a replica or Keeper
 * hiccup, a lost connection); INSERT retries additionally need a deduplication token, which is the caller's job.
 */
public final class ServerErrorCodes {

    /** UNEXPECTED_END_OF_FILE: the server's read of the request stopped short, usually a broken connection. */
    public static final int UNEXPECTED_END_OF_FILE = 3;
    /** SYNTAX_ERROR. */
    public static final int SYNTAX_ERROR = 62;
    /** TIMEOUT_EXCEEDED: {@code max_execution_time} (and kin) reached. */
    public static final int TIMEOUT_EXCEEDED = 159;
    /** TOO_SLOW: the estimated execution time exceeds {@code max_execution_time}. */
    public static final int TOO_SLOW = 160;
    /** READONLY: the user, the {@code readonly} setting or a GET request forbids the write or setting. */
    public static final int READONLY = 164;
    /** UNKNOWN_USER. */
    public static final int UNKNOWN_USER = 192;
    /** WRONG_PASSWORD. */
    public static final int WRONG_PASSWORD = 193;
    /** REQUIRED_PASSWORD: also sent when two authentication methods are mixed in one request. */
    public static final int REQUIRED_PASSWORD = 194;
    /** SOCKET_TIMEOUT: a server-side socket timed out. */
    public static final int SOCKET_TIMEOUT = 209;
    /** NETWORK_ERROR. */
    public static final int NETWORK_ERROR = 210;
    /** QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING. */
    public static final int QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING = 216;
    /** SESSION_IS_LOCKED: another request is using the session. */
    public static final int SESSION_IS_LOCKED = 373;
    /** QUERY_WAS_CANCELLED: the query was killed. */
    public static final int QUERY_WAS_CANCELLED = 394;
    /** AUTHENTICATION_FAILED: the modern servers' single code for a failed login. */
    public static final int AUTHENTICATION_FAILED = 516;

    private record Entry(String name, boolean retryable, boolean timeout) {
    }

    private static final Map<Integer, Entry> TABLE = new HashMap<>();

    static {
        fatal(1, "UNSUPPORTED_METHOD");
        fatal(2, "UNSUPPORTED_PARAMETER");
        retry(UNEXPECTED_END_OF_FILE, "UNEXPECTED_END_OF_FILE");
        fatal(6, "CANNOT_PARSE_TEXT");
        fatal(16, "NO_SUCH_COLUMN_IN_TABLE");
        fatal(27, "CANNOT_PARSE_INPUT_ASSERTION_FAILED");
        retry(32, "ATTEMPT_TO_READ_AFTER_EOF");
        fatal(33, "CANNOT_READ_ALL_DATA");
        fatal(36, "BAD_ARGUMENTS");
        fatal(38, "CANNOT_PARSE_DATE");
        fatal(40, "CHECKSUM_DOESNT_MATCH");
        fatal(41, "CANNOT_PARSE_DATETIME");
        fatal(43, "ILLEGAL_TYPE_OF_ARGUMENT");
        fatal(44, "ILLEGAL_COLUMN");
        fatal(46, "UNKNOWN_FUNCTION");
        fatal(47, "UNKNOWN_IDENTIFIER");
        fatal(48, "NOT_IMPLEMENTED");
        fatal(49, "LOGICAL_ERROR");
        fatal(50, "UNKNOWN_TYPE");
        fatal(53, "TYPE_MISMATCH");
        fatal(57, "TABLE_ALREADY_EXISTS");
        fatal(60, "UNKNOWN_TABLE");
        fatal(SYNTAX_ERROR, "SYNTAX_ERROR");
        fatal(69, "ARGUMENT_OUT_OF_BOUND");
        fatal(70, "CANNOT_CONVERT_TYPE");
        fatal(72, "CANNOT_PARSE_NUMBER");
        fatal(73, "UNKNOWN_FORMAT");
        fatal(81, "UNKNOWN_DATABASE");
        fatal(82, "DATABASE_ALREADY_EXISTS");
        fatal(89, "UNKNOWN_COMPRESSION_METHOD");
        retry(95, "CANNOT_READ_FROM_SOCKET");
        retry(96, "CANNOT_WRITE_TO_SOCKET");
        retry(97, "CANNOT_READ_ALL_DATA_FROM_CHUNKED_INPUT");
        fatal(113, "THERE_IS_NO_SESSION");
        fatal(115, "UNKNOWN_SETTING");
        fatal(117, "INCORRECT_DATA");
        fatal(158, "TOO_MANY_ROWS");
        timeout(TIMEOUT_EXCEEDED, "TIMEOUT_EXCEEDED", false);
        timeout(TOO_SLOW, "TOO_SLOW", false);
        fatal(READONLY, "READONLY");
        retry(173, "CANNOT_ALLOCATE_MEMORY");
        fatal(UNKNOWN_USER, "UNKNOWN_USER");
        fatal(WRONG_PASSWORD, "WRONG_PASSWORD");
        fatal(REQUIRED_PASSWORD, "REQUIRED_PASSWORD");
        fatal(195, "IP_ADDRESS_NOT_ALLOWED");
        retry(198, "DNS_ERROR");
        fatal(201, "QUOTA_EXPIRED");
        retry(202, "TOO_MANY_SIMULTANEOUS_QUERIES");
        retry(203, "NO_FREE_CONNECTION");
        timeout(SOCKET_TIMEOUT, "SOCKET_TIMEOUT", true);
        retry(NETWORK_ERROR, "NETWORK_ERROR");
        // The previous attempt of a retried request may still run under the same query id.
        retry(QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING, "QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING");
        retry(225, "NO_ZOOKEEPER");
        fatal(236, "ABORTED");
        fatal(241, "MEMORY_LIMIT_EXCEEDED");
        retry(242, "TABLE_IS_READ_ONLY");
        retry(244, "UNEXPECTED_ZOOKEEPER_ERROR");
        retry(252, "TOO_MANY_PARTS");
        retry(265, "NO_AVAILABLE_REPLICA");
        retry(279, "ALL_CONNECTION_TRIES_FAILED");
        retry(285, "TOO_FEW_LIVE_REPLICAS");
        retry(286, "UNSATISFIED_QUORUM_FOR_PREVIOUS_WRITE");
        fatal(290, "LIMIT_EXCEEDED");
        fatal(291, "DATABASE_ACCESS_DENIED");
        // The server cannot tell whether the INSERT landed; a retry with the same dedup token is safe.
        retry(319, "UNKNOWN_STATUS_OF_INSERT");
        fatal(344, "SUPPORT_IS_DISABLED");
        retry(364, "RECEIVED_ERROR_TOO_MANY_REQUESTS");
        fatal(370, "DATA_TYPE_CANNOT_BE_USED_IN_TABLES");
        fatal(372, "SESSION_NOT_FOUND");
        retry(SESSION_IS_LOCKED, "SESSION_IS_LOCKED");
        fatal(374, "INVALID_SESSION_TIMEOUT");
        fatal(389, "INSERT_WAS_DEDUPLICATED");
        fatal(QUERY_WAS_CANCELLED, "QUERY_WAS_CANCELLED");
        fatal(395, "FUNCTION_THROW_IF_VALUE_IS_NON_ZERO");
        fatal(396, "TOO_MANY_ROWS_OR_BYTES");
        fatal(407, "DECIMAL_OVERFLOW");
        retry(425, "SYSTEM_ERROR");
        retry(439, "CANNOT_SCHEDULE_TASK");
        fatal(452, "SETTING_CONSTRAINT_VIOLATION");
        fatal(456, "UNKNOWN_QUERY_PARAMETER");
        fatal(457, "BAD_QUERY_PARAMETER");
        fatal(469, "VIOLATED_CONSTRAINT");
        fatal(471, "INVALID_SETTING_VALUE");
        fatal(472, "READONLY_SETTING");
        fatal(497, "ACCESS_DENIED");
        fatal(AUTHENTICATION_FAILED, "AUTHENTICATION_FAILED");
        retry(999, "KEEPER_EXCEPTION");
        retry(1000, "POCO_EXCEPTION");
        fatal(1001, "STD_EXCEPTION");
        fatal(1002, "UNKNOWN_EXCEPTION");
    }

    private ServerErrorCodes() {
    }

    private static void fatal(int code, String name) {
        TABLE.put(code, new Entry(name, false, false));
    }

    private static void retry(int code, String name) {
        TABLE.put(code, new Entry(name, true, false));
    }

    private static void timeout(int code, String name, boolean retryable) {
        TABLE.put(code, new Entry(name, retryable, true));
    }

    /** The symbolic name of a code, when this table knows it. */
    public static Optional<String> name(int code) {
        Entry entry = TABLE.get(code);
        return entry == null ? Optional.empty() : Optional.of(entry.name());
    }

    /** Whether the same request may succeed when sent again; {@code false} for codes this table does not know. */
    public static boolean isRetryable(int code) {
        Entry entry = TABLE.get(code);
        return entry != null && entry.retryable();
    }

    /** Whether the code reports a timeout (159, 160, 209); such errors are raised as {@link ClickHouseTimeoutException}. */
    public static boolean isTimeout(int code) {
        Entry entry = TABLE.get(code);
        return entry != null && entry.timeout();
    }

    /** Whether the code reports a failed login (192, 193, 194, 516). */
    public static boolean isAuthentication(int code) {
        return code == UNKNOWN_USER || code == WRONG_PASSWORD || code == REQUIRED_PASSWORD
                || code == AUTHENTICATION_FAILED;
    }
}

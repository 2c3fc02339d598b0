package io.chspring.data.core;

import io.chspring.client.ClickHouseCompressionException;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.ClickHouseTransportException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.TypeMismatchDataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates the client's {@link ClickHouseException}s into Spring's {@link DataAccessException} hierarchy, by
 * exception class and, for server errors, by ClickHouse error code (names from {@code src/Common/ErrorCodes.cpp}).
 * The original exception is always the cause, so its {@code errorCode()} and {@code queryId()} stay reachable; its
 * message, which names both, is the translated exception's message. Other exceptions are not translated.
 */
public class ClickHouseExceptionTranslator implements PersistenceExceptionTranslator {

    /** The statement is wrong: syntax, unknown table/database/column/function/type/format/setting, bad arguments. */
    private static final Set<Integer> BAD_SQL = Set.of(
            62, // SYNTAX_ERROR
            60, // UNKNOWN_TABLE
            81, // UNKNOWN_DATABASE
            47, // UNKNOWN_IDENTIFIER
            16, // NO_SUCH_COLUMN_IN_TABLE
            46, // UNKNOWN_FUNCTION
            63, // UNKNOWN_AGGREGATE_FUNCTION
            50, // UNKNOWN_TYPE
            73, // UNKNOWN_FORMAT
            115, // UNKNOWN_SETTING
            56, // UNKNOWN_STORAGE
            42, // NUMBER_OF_ARGUMENTS_DOESNT_MATCH
            43, // ILLEGAL_TYPE_OF_ARGUMENT
            44, // ILLEGAL_COLUMN
            48, // NOT_IMPLEMENTED (for example a mutation on a Memory table)
            57, // TABLE_ALREADY_EXISTS
            82, // DATABASE_ALREADY_EXISTS
            80, // INCORRECT_QUERY
            184, // ILLEGAL_AGGREGATION
            215, // NOT_AN_AGGREGATE
            352, // AMBIGUOUS_COLUMN_NAME
            456, // UNKNOWN_QUERY_PARAMETER
            457); // BAD_QUERY_PARAMETER

    /** The user may not do this: readonly, access rights, authentication. */
    private static final Set<Integer> PERMISSION = Set.of(
            164, // READONLY
            192, // UNKNOWN_USER
            193, // WRONG_PASSWORD
            194, // REQUIRED_PASSWORD
            195, // IP_ADDRESS_NOT_ALLOWED
            291, // DATABASE_ACCESS_DENIED
            452, // SETTING_CONSTRAINT_VIOLATION
            472, // READONLY_SETTING
            497, // ACCESS_DENIED
            516); // AUTHENTICATION_FAILED

    /** The query ran out of time. */
    private static final Set<Integer> TIMEOUT = Set.of(
            159, // TIMEOUT_EXCEEDED
            160, // TOO_SLOW
            209); // SOCKET_TIMEOUT

    /** A value does not fit: parse failures, type mismatches, out-of-range values, NULL into a non-Nullable column. */
    private static final Set<Integer> DATA = Set.of(
            6, // CANNOT_PARSE_TEXT
            19, // SIZE_OF_FIXED_STRING_DOESNT_MATCH
            25, // CANNOT_PARSE_ESCAPE_SEQUENCE
            26, // CANNOT_PARSE_QUOTED_STRING
            27, // CANNOT_PARSE_INPUT_ASSERTION_FAILED
            33, // CANNOT_READ_ALL_DATA (a truncated RowBinary row)
            38, // CANNOT_PARSE_DATE
            41, // CANNOT_PARSE_DATETIME
            53, // TYPE_MISMATCH
            69, // ARGUMENT_OUT_OF_BOUND
            70, // CANNOT_CONVERT_TYPE
            72, // CANNOT_PARSE_NUMBER
            117, // INCORRECT_DATA
            321, // VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
            349, // CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN
            376, // CANNOT_PARSE_UUID
            407, // DECIMAL_OVERFLOW
            469); // VIOLATED_CONSTRAINT (a table CONSTRAINT ... CHECK)

    /** The server is busy or briefly unable: the same request may succeed later. */
    private static final Set<Integer> TRANSIENT = Set.of(
            202, // TOO_MANY_SIMULTANEOUS_QUERIES
            203, // NO_FREE_CONNECTION
            210, // NETWORK_ERROR
            216, // QUERY_WITH_SAME_ID_IS_ALREADY_RUNNING
            236, // ABORTED
            241, // MEMORY_LIMIT_EXCEEDED
            242, // TABLE_IS_READ_ONLY (a replica lost its ZooKeeper session)
            252, // TOO_MANY_PARTS (inserts outpace merges)
            373); // SESSION_IS_LOCKED

    @Override
    public @Nullable DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        if (!(ex instanceof ClickHouseException ce)) {
            return null;
        }
        String message = ce.getMessage();
        if (ce instanceof ClickHouseServerException se) {
            return translateServer(message, se);
        }
        if (ce instanceof ClickHouseTimeoutException) {
            return new QueryTimeoutException(message, ce);
        }
        if (ce instanceof ClickHouseConfigurationException) {
            return new InvalidDataAccessApiUsageException(message, ce);
        }
        if (ce instanceof ClickHouseSchemaException) {
            return new TypeMismatchDataAccessException(message, ce);
        }
        if (ce instanceof ClickHouseTransportException || ce instanceof ClickHouseCompressionException) {
            return ce.isRetryable() ? new TransientDataAccessResourceException(message, ce)
                    : new DataAccessResourceFailureException(message, ce);
        }
        return new UncategorizedClickHouseException(message, ce);
    }

    private static DataAccessException translateServer(String message, ClickHouseServerException ex) {
        int code = ex.errorCode();
        if (BAD_SQL.contains(code)) {
            return new InvalidDataAccessResourceUsageException(message, ex);
        }
        if (PERMISSION.contains(code)) {
            return new PermissionDeniedDataAccessException(message, ex);
        }
        if (TIMEOUT.contains(code)) {
            return new QueryTimeoutException(message, ex);
        }
        if (DATA.contains(code)) {
            return new DataIntegrityViolationException(message, ex);
        }
        if (TRANSIENT.contains(code) || ex.isRetryable()) {
            return new TransientDataAccessResourceException(message, ex);
        }
        return new UncategorizedClickHouseException(message, ex);
    }
}

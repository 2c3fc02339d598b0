package io.chspring.data.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseCompressionException;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseException;
import io.chspring.client.ClickHouseSchemaException;
import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTimeoutException;
import io.chspring.client.ClickHouseTransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.TypeMismatchDataAccessException;

class ClickHouseExceptionTranslatorTests {

    private final ClickHouseExceptionTranslator translator = new ClickHouseExceptionTranslator();

    private static ClickHouseServerException server(int code, boolean retryable) {
        return new ClickHouseServerException("DB::Exception: boom", code, null, 500, "qid-" + code, retryable);
    }

    @ParameterizedTest
    @CsvSource({
        "62, InvalidDataAccessResourceUsageException", "60, InvalidDataAccessResourceUsageException",
        "81, InvalidDataAccessResourceUsageException", "47, InvalidDataAccessResourceUsageException",
        "164, PermissionDeniedDataAccessException", "497, PermissionDeniedDataAccessException",
        "192, PermissionDeniedDataAccessException", "193, PermissionDeniedDataAccessException",
        "194, PermissionDeniedDataAccessException", "516, PermissionDeniedDataAccessException",
        "159, QueryTimeoutException", "160, QueryTimeoutException", "209, QueryTimeoutException",
        "6, DataIntegrityViolationException", "27, DataIntegrityViolationException",
        "33, DataIntegrityViolationException", "53, DataIntegrityViolationException",
        "70, DataIntegrityViolationException", "117, DataIntegrityViolationException",
        "241, TransientDataAccessResourceException", "252, TransientDataAccessResourceException",
        "202, TransientDataAccessResourceException", "395, UncategorizedClickHouseException",
        "999999, UncategorizedClickHouseException"})
    void serverCodes(int code, String expected) {
        DataAccessException translated = translator.translateExceptionIfPossible(server(code, false));
        assertThat(translated.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(translated.getCause()).isInstanceOf(ClickHouseServerException.class);
        assertThat(((ClickHouseException) translated.getCause()).errorCode()).isEqualTo(code);
        assertThat(translated.getMessage()).contains("ClickHouse error " + code).contains("[query_id=qid-" + code + "]");
    }

    @Test
    void aRetryableCodeNotInAnyListIsTransient() {
        assertThat(translator.translateExceptionIfPossible(server(425, true)))
                .isInstanceOf(TransientDataAccessResourceException.class);
    }

    @Test
    void uncategorizedKeepsCodeAndQueryId() {
        UncategorizedClickHouseException e = (UncategorizedClickHouseException) translator
                .translateExceptionIfPossible(server(395, false));
        assertThat(e.getErrorCode()).isEqualTo(395);
        assertThat(e.getQueryId()).isEqualTo("qid-395");
    }

    @Test
    void clientSideExceptionsByClass() {
        assertThat(translator.translateExceptionIfPossible(new ClickHouseTimeoutException("slow")))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(translator.translateExceptionIfPossible(new ClickHouseTransportException("reset", null, 0, "q",
                true))).isInstanceOf(TransientDataAccessResourceException.class);
        assertThat(translator.translateExceptionIfPossible(new ClickHouseTransportException("bad", null, 0, "q",
                false))).isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(translator.translateExceptionIfPossible(new ClickHouseCompressionException("frame")))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(translator.translateExceptionIfPossible(new ClickHouseConfigurationException("url")))
                .isInstanceOf(InvalidDataAccessApiUsageException.class);
        assertThat(translator.translateExceptionIfPossible(new ClickHouseSchemaException("column x")))
                .isInstanceOf(TypeMismatchDataAccessException.class);
        assertThat(translator.translateExceptionIfPossible(new ClickHouseException("other")))
                .isInstanceOf(UncategorizedClickHouseException.class);
        assertThat(translator.translateExceptionIfPossible(new IllegalStateException("not ours"))).isNull();
    }
}

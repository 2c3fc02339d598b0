package io.chspring.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerErrorCodesTests {

    @Test
    void knowsNamesFromTheServersErrorCodesTable() {
        assertThat(ServerErrorCodes.name(62)).hasValue("SYNTAX_ERROR");
        assertThat(ServerErrorCodes.name(999)).hasValue("KEEPER_EXCEPTION");
        assertThat(ServerErrorCodes.name(123_456)).isEmpty();
    }

    @Test
    void marksOverloadAndReplicaTroubleRetryableAndUserErrorsNot() {
        assertThat(ServerErrorCodes.isRetryable(202)).isTrue();
        assertThat(ServerErrorCodes.isRetryable(242)).isTrue();
        assertThat(ServerErrorCodes.isRetryable(252)).isTrue();
        assertThat(ServerErrorCodes.isRetryable(373)).isTrue();
        assertThat(ServerErrorCodes.isRetryable(ServerErrorCodes.SYNTAX_ERROR)).isFalse();
        assertThat(ServerErrorCodes.isRetryable(ServerErrorCodes.READONLY)).isFalse();
        assertThat(ServerErrorCodes.isRetryable(123_456)).isFalse();
    }

    @Test
    void classifiesTimeoutsAndLoginFailures() {
        assertThat(ServerErrorCodes.isTimeout(159)).isTrue();
        assertThat(ServerErrorCodes.isTimeout(160)).isTrue();
        assertThat(ServerErrorCodes.isTimeout(209)).isTrue();
        assertThat(ServerErrorCodes.isTimeout(210)).isFalse();
        assertThat(ServerErrorCodes.isAuthentication(193)).isTrue();
        assertThat(ServerErrorCodes.isAuthentication(516)).isTrue();
        assertThat(ServerErrorCodes.isAuthentication(164)).isFalse();
    }
}

package io.chspring.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseServerException;
import io.chspring.client.ClickHouseTransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

class FailoverTests {

    @Test
    void whatNeverReachedTheServerGoesAnywhereEvenAnInsert() {
        for (IOException e : new IOException[] {new ConnectException("Connection refused"),
                new HttpHostConnectException("refused"), new ConnectTimeoutException("connect timed out")}) {
            assertThat(Failover.notSent(e)).as("%s", e).isTrue();
            assertThat(Failover.endpointFault(e)).as("%s", e).isTrue();
            assertThat(Failover.mayRetryElsewhere(e, false)).as("%s", e).isTrue();
        }
    }

    @Test
    void whatMayHaveReachedTheServerIsRepeatedOnlyWhenIdempotent() {
        for (IOException e : new IOException[] {new NoHttpResponseException("no response"),
                new SocketException("Connection reset"), new SocketTimeoutException("Read timed out")}) {
            assertThat(Failover.notSent(e)).as("%s", e).isFalse();
            assertThat(Failover.endpointFault(e)).as("%s", e).isTrue();
            assertThat(Failover.mayRetryElsewhere(e, true)).as("%s", e).isTrue();
            assertThat(Failover.mayRetryElsewhere(e, false)).as("%s", e).isFalse();
        }
    }

    @Test
    void ourOwnTroubleIsNotTheEndpoints() {
        assertThat(Failover.endpointFault(new ConnectionRequestTimeoutException("pool"))).isFalse();
        assertThat(Failover.endpointFault(new InterruptedIOException("interrupted"))).isFalse();
        assertThat(Failover.mayRetryElsewhere(new InterruptedIOException("interrupted"), true)).isFalse();
        assertThat(Failover.mayRetryElsewhere(new SSLHandshakeException("bad certificate"), true)).isFalse();
    }

    @Test
    void serverErrorsMoveOnlyWhenTheNodeIsInTrouble() {
        ClickHouseServerException syntax = new ClickHouseServerException("Syntax error", 62, null, 500, "q", false);
        ClickHouseServerException readonlyReplica = new ClickHouseServerException("Table is in readonly mode", 242,
                null, 500, "q", true);
        ClickHouseTransportException proxy = new ClickHouseTransportException("HTTP 503", null, 0, "q", true);
        assertThat(Failover.mayRetryElsewhere(syntax, true)).isFalse();
        assertThat(Failover.endpointFault(syntax)).isFalse();
        assertThat(Failover.mayRetryElsewhere(readonlyReplica, true)).isTrue();
        assertThat(Failover.mayRetryElsewhere(readonlyReplica, false)).isFalse();
        assertThat(Failover.endpointFault(proxy)).isTrue();
    }
}

package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.Compression;
import io.chspring.client.query.QueryResponse;
import io.chspring.test.ClickHouseIntegrationTest;
import io.chspring.test.ClickHouseTestDatabase;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A ZSTD client's responses from the real server. The 18.16 server here predates zstd HTTP encoding, so the client
 * must not ask for it: it keeps LZ4 frames ({@code compress=1}, when forced on 18.x) and reads them correctly. The
 * zstd-encoded answers of a 21.1+ server are shown with a mock (clickhouse-test MockZstdResponseTests) and a socket
 * peer (HttpTransportZstdResponseTests), since no engine on this machine writes them.
 */
@ClickHouseIntegrationTest
class ZstdResponseIntegrationTests {

    /** ~2.9 MB of RowBinary, over the 1 MiB that 18.16 needs to send a compressed answer whole (quirk 1). */
    private static final String BIG_RESULT = "SELECT number, toString(number) FROM system.numbers LIMIT 200000";

    private static ClickHouseClient zstd(ClickHouseTestDatabase db, boolean force) {
        return ClickHouseClient.builder().url(db.url()).compression(Compression.ZSTD, 3)
                .forceResponseCompression(force).build();
    }

    @Test
    void aZstdClientReadsTheSameBytesAsAPlainOne(ClickHouseTestDatabase db) throws Exception {
        try (ClickHouseClient plain = ClickHouseClient.builder().url(db.url()).compression(Compression.NONE).build();
                ClickHouseClient auto = zstd(db, false);
                ClickHouseClient forced = zstd(db, true)) {
            Digest expected = digest(plain.query(BIG_RESULT).fetchBytes("RowBinary"));
            assertThat(expected.bytes()).isGreaterThan(2L << 20);
            assertThat(digest(auto.query(BIG_RESULT).fetchBytes("RowBinary"))).isEqualTo(expected);
            assertThat(digest(forced.query(BIG_RESULT).fetchBytes("RowBinary"))).isEqualTo(expected);
        }
    }

    @Test
    void onAServerWithoutZstdEncodingTheAnswerIsLz4Framed(ClickHouseTestDatabase db) throws Exception {
        try (ClickHouseClient forced = zstd(db, true)) {
            boolean zstdEncoding = forced.capabilities().supportsZstdHttpEncoding();
            try (QueryResponse r = forced.query(BIG_RESULT).fetchBytes("RowBinary")) {
                assertThat(r.header("Content-Encoding")).isEqualTo(
                        zstdEncoding ? java.util.Optional.of("zstd") : java.util.Optional.empty());
            }
            if (!zstdEncoding) {
                // 18.16 answers compress=1 for a result under 1 MiB with an empty 200 body (quirk 1): that the small
                // answer is empty shows this ZSTD client asked for LZ4 frames, not for zstd HTTP encoding
                assertThat(forced.serverVersion().major()).isEqualTo(18);
                assertThat(forced.query("SELECT number FROM system.numbers LIMIT 1000").fetchString("TabSeparated"))
                        .isEmpty();
            }
        }
    }

    private record Digest(long bytes, String sha256) {
    }

    private static Digest digest(QueryResponse response) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (response) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = response.read(buf)) >= 0) {
                sha.update(buf, 0, n);
                total += n;
            }
        }
        return new Digest(total, HexFormat.of().formatHex(sha.digest()));
    }
}

package io.chspring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseConfigurationException;
import io.chspring.client.ClickHouseTransportException;
import io.chspring.client.query.QueryResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad ports in a URL are named as ports, and a response body cut by the network reports the bytes that arrived.
 * No engine cuts its own answers on request, so the cut answer comes from a socket in this test that stops after
 * 33 of 1000 promised body bytes.
 */
class UrlAndCutResponseTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:99999          | '99999'",
        "http://127.0.0.1:abc/           | 'abc'",
        "http://alice:secret@h:0/db      | '0'",
        "https://[::1]:65536             | '65536'",
        "http://127.0.0.1:8123x?x=1      | '8123x'",
    })
    void aBadPortIsNamed(String url, String port) {
        assertThatThrownBy(() -> ClickHouseClient.fromUrl(url))
                .isInstanceOf(ClickHouseConfigurationException.class)
                .hasMessageContaining("invalid port '" + port + "'")
                .hasMessageNotContaining("host")
                .hasMessageNotContaining("secret");
    }

    @Test
    void goodPortsStillWork() {
        ClickHouseClient.fromUrl("http://127.0.0.1:65535").close();
        ClickHouseClient.fromUrl("http://[::1]:1/db").close();
        ClickHouseClient.fromUrl("http://u:p%3A1@localhost:8123").close();
    }

    @Test
    void aCutBodyReportsTheBytesThatArrived() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread serving = new Thread(() -> serveCut(server), "cut-server");
            serving.setDaemon(true);
            serving.start();
            try (ClickHouseClient client = ClickHouseClient.fromUrl("http://127.0.0.1:" + server.getLocalPort()
                    + "?compression=none")) {
                assertThatThrownBy(() -> {
                    try (QueryResponse response = client.query("SELECT 'cut'").fetchBytes("TabSeparated")) {
                        response.readAllBytes();
                    }
                }).isInstanceOf(ClickHouseTransportException.class)
                        .hasMessageContaining("broken off after 33 bytes");
            }
        }
    }

    /** Answers {@code SELECT version()} as 18.16.1 would, and cuts every other answer after 33 body bytes. */
    private static void serveCut(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                String request = readRequest(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                if (request.contains("version()")) {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\n18.16.1\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write("cut\ncut\ncut\ncut\ncut\ncut\ncut\ncut\nc".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The request line, headers and a Content-Length body (the client sends small queries that way). */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String line : text.split("\r\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).strip());
                    }
                }
                return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}

package io.chspring.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ServerConfigFilesTests {

    @Test
    void configListensOnLoopbackOnlyAndOpensNoOtherPort() throws Exception {
        Document config = parse(ServerConfigFiles.config(Path.of("/srv/ch & co"), 40000, Map.of()));

        assertThat(config.getDocumentElement().getTagName()).isEqualTo("clickhouse");
        assertThat(text(config, "http_port")).isEqualTo("40000");
        assertThat(text(config, "listen_host")).isEqualTo("127.0.0.1");
        assertThat(text(config, "path")).isEqualTo("/srv/ch & co/data/");
        assertThat(text(config, "timezone")).isEqualTo("UTC");
        for (String port : new String[] {"tcp_port", "https_port", "interserver_http_port", "mysql_port", "postgresql_port"}) {
            assertThat(config.getElementsByTagName(port).getLength()).as(port).isZero();
        }
    }

    @Test
    void overridesReplaceDefaultsInsteadOfDuplicatingThem() throws Exception {
        Document config = parse(ServerConfigFiles.config(Path.of("/d"), 1, Map.of("keep_alive_timeout", "10", "max_threads", "<4>")));
        assertThat(config.getElementsByTagName("keep_alive_timeout").getLength()).isEqualTo(1);
        assertThat(text(config, "keep_alive_timeout")).isEqualTo("10");
        assertThat(text(config, "max_threads")).isEqualTo("<4>");

        Document users = parse(ServerConfigFiles.users(Map.of("max_memory_usage", "1000")));
        assertThat(users.getElementsByTagName("max_memory_usage").getLength()).isEqualTo(1);
        assertThat(text(users, "max_memory_usage")).isEqualTo("1000");
    }

    @Test
    void usersAreDefaultAliceAndReadonlyRo() throws Exception {
        Document users = parse(ServerConfigFiles.users(Map.of()));
        assertThat(users.getDocumentElement().getTagName()).isEqualTo("clickhouse");
        assertThat(((org.w3c.dom.Element) users.getElementsByTagName("alice").item(0)).getElementsByTagName("password").item(0).getTextContent())
                .isEqualTo("secret");
        assertThat(((org.w3c.dom.Element) users.getElementsByTagName("ro").item(0)).getElementsByTagName("profile").item(0).getTextContent())
                .isEqualTo("readonly");
    }

    @Test
    void rejectsNamesThatAreNotElements() {
        assertThatThrownBy(() -> LocalClickHouseServer.builder().setting("max memory", "1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max memory");
        assertThatThrownBy(() -> LocalClickHouseServer.builder().serverConfig("a><b", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document document, String tag) {
        return document.getElementsByTagName(tag).item(0).getTextContent();
    }
}

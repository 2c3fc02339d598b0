package io.chspring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes {@code etc/config.xml} and {@code etc/users.xml} of a private server.
 *
 * <p>One config serves old and new servers: the root element is {@code <clickhouse>}, the name modern
 * releases document (the {@code <yandex>} name is the legacy one); 18.16 does not check the root element's
 * name of its main files (verified), and modern servers read users from {@code users_config} when no
 * {@code <user_directories>} section exists. Only an HTTP port on 127.0.0.1 is opened: no native TCP,
 * interserver, TLS, MySQL or PostgreSQL port, so any number of servers run side by side.
 */
final class ServerConfigFiles {

    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ServerConfigFiles() {
    }

    static void write(Path dir, int port, Map<String, String> serverConfig, Map<String, String> profileSettings) {
        write(dir, port, serverConfig, "", profileSettings);
    }

    /** @param configXml raw elements appended inside the root element of {@code config.xml} (sections with children) */
    static void write(Path dir, int port, Map<String, String> serverConfig, String configXml, Map<String, String> profileSettings) {
        try {
            for (String sub : new String[] {"etc", "data", "tmp", "user_files", "format_schemas", "log"}) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(dir.resolve("etc/config.xml"), config(dir, port, serverConfig, configXml), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("etc/users.xml"), users(profileSettings), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write ClickHouse config into " + dir, e);
        }
    }

    static String config(Path dir, int port, Map<String, String> serverConfig) {
        return config(dir, port, serverConfig, "");
    }

    static String config(Path dir, int port, Map<String, String> serverConfig, String configXml) {
        String d = dir.toAbsolutePath().toString();
        Map<String, String> scalars = new LinkedHashMap<>();
        scalars.put("http_port", Integer.toString(port));
        scalars.put("listen_host", "127.0.0.1");
        scalars.put("max_connections", "256");
        // Short on purpose: clients under test must cope with the server closing idle connections.
        scalars.put("keep_alive_timeout", "3");
        scalars.put("max_concurrent_queries", "100");
        scalars.put("uncompressed_cache_size", "268435456");
        scalars.put("mark_cache_size", "268435456");
        scalars.put("path", d + "/data/");
        scalars.put("tmp_path", d + "/tmp/");
        scalars.put("user_files_path", d + "/user_files/");
        scalars.put("format_schema_path", d + "/format_schemas/");
        scalars.put("users_config", "users.xml");
        scalars.put("default_profile", "default");
        scalars.put("default_database", "default");
        scalars.put("timezone", "UTC");
        scalars.put("mlock_executable", "false");
        scalars.put("max_session_timeout", "3600");
        scalars.put("default_session_timeout", "60");
        // Do not wait (5 s by default) for idle keep-alive connections when stopping: halves the stop time.
        scalars.put("shutdown_wait_unfinished", "0");
        // Tests drop big tables and partitions freely.
        scalars.put("max_table_size_to_drop", "0");
        scalars.put("max_partition_size_to_drop", "0");
        // The server reads the first of two equal elements, so overrides replace defaults instead of following them.
        scalars.putAll(serverConfig);

        StringBuilder xml = new StringBuilder(2048);
        xml.append("<?xml version=\"1.0\"?>\n<clickhouse>\n")
                .append("    <logger>\n")
                .append("        <level>information</level>\n")
                .append("        <log>").append(escape(d)).append("/log/clickhouse-server.log</log>\n")
                .append("        <errorlog>").append(escape(d)).append("/log/clickhouse-server.err.log</errorlog>\n")
                .append("        <size>50M</size>\n        <count>2</count>\n")
                .append("    </logger>\n");
        elements(xml, "    ", scalars);
        xml.append("    <query_log>\n")
                .append("        <database>system</database>\n        <table>query_log</table>\n")
                .append("        <partition_by>toYYYYMM(event_date)</partition_by>\n")
                .append("        <flush_interval_milliseconds>1000</flush_interval_milliseconds>\n")
                .append("    </query_log>\n");
        xml.append(configXml);
        return xml.append("</clickhouse>\n").toString();
    }

    static String users(Map<String, String> profileSettings) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("max_memory_usage", "2000000000");
        settings.put("use_uncompressed_cache", "0");
        settings.put("load_balancing", "random");
        settings.putAll(profileSettings);
        StringBuilder xml = new StringBuilder(2048);
        xml.append("<?xml version=\"1.0\"?>\n<clickhouse>\n    <profiles>\n        <default>\n");
        elements(xml, "            ", settings);
        xml.append("        </default>\n")
                .append("        <readonly>\n            <readonly>1</readonly>\n        </readonly>\n")
                .append("    </profiles>\n    <users>\n");
        user(xml, "default", "", "default");
        user(xml, "alice", "secret", "default");
        user(xml, "ro", "ro", "readonly");
        return xml.append("    </users>\n")
                .append("    <quotas>\n        <default>\n            <interval>\n")
                .append("                <duration>3600</duration>\n                <queries>0</queries>\n")
                .append("                <errors>0</errors>\n                <result_rows>0</result_rows>\n")
                .append("                <read_rows>0</read_rows>\n                <execution_time>0</execution_time>\n")
                .append("            </interval>\n        </default>\n    </quotas>\n</clickhouse>\n")
                .toString();
    }

    private static void user(StringBuilder xml, String name, String password, String profile) {
        xml.append("        <").append(name).append(">\n")
                .append("            <password>").append(password).append("</password>\n")
                .append("            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>\n")
                .append("            <profile>").append(profile).append("</profile>\n")
                .append("            <quota>default</quota>\n")
                .append("        </").append(name).append(">\n");
    }

    private static void elements(StringBuilder xml, String indent, Map<String, String> values) {
        values.forEach((name, value) -> xml.append(indent).append('<').append(name).append('>')
                .append(escape(value)).append("</").append(name).append(">\n"));
    }

    /** Rejects a name that cannot be an XML element (the config files would not parse). */
    static String checkName(String name) {
        if (name == null || !XML_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a ClickHouse setting or config element name: " + name);
        }
        return name;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

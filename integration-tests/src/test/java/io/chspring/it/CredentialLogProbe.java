package io.chspring.it;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.ClickHouseException;
import io.chspring.client.insert.Insert;

/**
 * The JVM that {@link CredentialLoggingIntegrationTests} starts with DEBUG logging on: talks to a server with
 * {@code X-ClickHouse-User}/{@code -Key}, Basic and Bearer authentication and a custom secret header, sending a
 * query and an insert (a request body) each. Arguments: endpoint, user, password, token, custom header value.
 */
final class CredentialLogProbe {

    record Row(long id, String s) {
    }

    private CredentialLogProbe() {
    }

    public static void main(String[] args) {
        String endpoint = args[0];
        String user = args[1];
        String password = args[2];
        String token = args[3];
        String custom = args[4];
        try (ClickHouseClient headers = ClickHouseClient.builder().endpoint(endpoint).user(user).password(password)
                .header("X-Custom-Secret", custom).build();
                ClickHouseClient basic = ClickHouseClient.builder().endpoint(endpoint).user(user).password(password)
                        .basicAuth(true).build();
                ClickHouseClient bearer = ClickHouseClient.builder().endpoint(endpoint).bearerToken(token).build()) {
            headers.execute("CREATE TABLE IF NOT EXISTS default.credential_log_probe (id UInt64, s String) "
                    + "ENGINE = Memory");
            for (ClickHouseClient client : new ClickHouseClient[] {headers, basic, bearer}) {
                try {
                    System.out.println("PROBE one=" + client.query("SELECT 1").fetchOne(Integer.class));
                    try (Insert<Row> insert = client.insert("default.credential_log_probe", Row.class)) {
                        insert.write(new Row(1, "row"));
                        insert.end();
                    }
                    System.out.println("PROBE inserted");
                } catch (ClickHouseException e) {
                    // 18.16 has no bearer authentication; the failure and its message are part of what is checked
                    System.out.println("PROBE failed: " + e);
                }
            }
        }
    }
}

package io.chspring.client.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What distributed ({@code ON CLUSTER}) DDL did on each host: the per-host result table the server returns
 * ({@code host port status error num_hosts_remaining num_hosts_active}), plus the hosts that had not finished
 * when the server stopped waiting ({@code distributed_ddl_task_timeout}, code 159) and the hosts that failed.
 *
 * @param hosts one entry per host that answered, in the order the server reported them
 * @param unfinishedHosts {@code host:port} of the hosts that had not run the query when the server stopped
 *     waiting; they run it when they are back, in the background
 */
public record DistributedDdlOutcome(List<HostResult> hosts, List<String> unfinishedHosts) {

    /**
     * One host's line of the result table.
     *
     * @param host the host name as the cluster definition spells it
     * @param port its native (TCP) port, as in {@code system.clusters}
     * @param status 0 when the query ran there, else the ClickHouse error code
     * @param error the host's error text, empty when it succeeded
     */
    public record HostResult(String host, int port, int status, String error) {

        /** {@code host:port}, how the server names hosts in its messages. */
        public String address() {
            return host + ':' + port;
        }

        /** Whether the query ran on this host. */
        public boolean succeeded() {
            return status == 0;
        }
    }

    public DistributedDdlOutcome {
        hosts = List.copyOf(hosts);
        unfinishedHosts = List.copyOf(unfinishedHosts);
    }

    /** Whether every host ran the query. */
    public boolean succeeded() {
        return unfinishedHosts.isEmpty() && hosts.stream().allMatch(HostResult::succeeded);
    }

    /** {@code host:port} of the hosts that answered with an error. */
    public List<String> failedHosts() {
        return hosts.stream().filter(h -> !h.succeeded()).map(HostResult::address).toList();
    }

    /**
     * Reads the result table of distributed DDL in {@code TabSeparatedWithNames} (the header names the columns,
     * so newer servers that add columns are read too).
     *
     * @throws IllegalArgumentException when the text is not such a table
     */
    public static DistributedDdlOutcome parseTable(String tsvWithNames) {
        Objects.requireNonNull(tsvWithNames, "tsvWithNames");
        String[] lines = tsvWithNames.split("\n");
        List<String> header = List.of(lines[0].split("\t", -1));
        int host = header.indexOf("host");
        int port = header.indexOf("port");
        int status = header.indexOf("status");
        int error = header.indexOf("error");
        if (host < 0 || status < 0) {
            throw new IllegalArgumentException("Not a distributed DDL result: the columns are " + header);
        }
        List<HostResult> hosts = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            hosts.add(new HostResult(unescape(f[host]), port < 0 ? 0 : Integer.parseInt(f[port]),
                    Integer.parseInt(f[status]), error < 0 ? "" : unescape(f[error])));
        }
        return new DistributedDdlOutcome(hosts, List.of());
    }

    /** A one-line account for messages and logs: what failed and what did not finish, by host. */
    public String describe() {
        if (succeeded()) {
            return "ran on all " + hosts.size() + " hosts";
        }
        StringBuilder sb = new StringBuilder();
        if (!unfinishedHosts.isEmpty()) {
            sb.append(unfinishedHosts.size()).append(unfinishedHosts.size() == 1 ? " host" : " hosts")
                    .append(" did not finish: ").append(String.join(", ", unfinishedHosts))
                    .append(" (it runs the query when it is back)");
        }
        for (HostResult h : hosts) {
            if (!h.succeeded()) {
                sb.append(sb.isEmpty() ? "" : "; ").append("failed on ").append(h.address()).append(" with code ")
                        .append(h.status());
                if (!h.error().isEmpty()) {
                    sb.append(": ").append(h.error());
                }
            }
        }
        long ok = hosts.stream().filter(HostResult::succeeded).count();
        return sb.append("; ran on ").append(ok).append(ok == 1 ? " host" : " hosts").toString();
    }

    /** TabSeparated escapes: {@code \t \n \\} and friends. */
    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder sb = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                sb.append(c);
                continue;
            }
            char n = field.charAt(++i);
            sb.append(switch (n) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '0' -> '\0';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> n;
            });
        }
        return sb.toString();
    }
}

package io.chspring.client.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the server says when distributed DDL did not finish everywhere, so that the hosts can be named.
 *
 * <p>On a timeout (code 159) the server names only the task ({@code Watching task /clickhouse/task_queue/ddl/
 * query-0000000002 is executing longer than distributed_ddl_task_timeout}) and a count of unfinished hosts; the
 * per-host rows of the hosts that did finish are lost with the error (18.16 buffers them). The task's ZooKeeper
 * node lists every host ({@code hosts: ['127%2E0%2E0%2E1:9000', ...]} in its value) and its {@code finished}
 * child has one node per host that ran it: the difference is the unfinished hosts. Both are readable through
 * {@code system.zookeeper}, which needs a {@code WHERE path = ...}.
 */
public final class DistributedDdlTask {

    private static final Pattern TIMEOUT_TASK = Pattern.compile("Watching task (\\S+) is executing longer than");
    private static final Pattern HOST_ERROR = Pattern.compile("There was an error on \\[([^\\]]+)\\]: (.*)",
            Pattern.DOTALL);
    private static final Pattern ENTRY_HOSTS = Pattern.compile("(?m)^hosts: \\[(.*)\\]$");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

    private DistributedDdlTask() {
    }

    /** The ZooKeeper path of the task named in a code-159 message, if the message has one. */
    public static Optional<String> timedOutTask(String serverMessage) {
        Matcher m = TIMEOUT_TASK.matcher(serverMessage);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The {@code host:port} and error of {@code There was an error on [host:port]: ...}, if the message says so. */
    public static Optional<DistributedDdlOutcome.HostResult> hostError(String serverMessage, int code) {
        Matcher m = HOST_ERROR.matcher(serverMessage);
        if (!m.find()) {
            return Optional.empty();
        }
        String address = m.group(1);
        int colon = address.lastIndexOf(':');
        int port = 0;
        String host = address;
        if (colon > 0) {
            try {
                port = Integer.parseInt(address.substring(colon + 1));
                host = address.substring(0, colon);
            } catch (NumberFormatException e) {
                port = 0;
            }
        }
        return Optional.of(new DistributedDdlOutcome.HostResult(host, port, code, m.group(2).strip()));
    }

    /** The ZooKeeper parent and name of a task path, for {@code system.zookeeper WHERE path = ? AND name = ?}. */
    public static String[] parentAndName(String taskPath) {
        int slash = taskPath.lastIndexOf('/');
        return new String[] {taskPath.substring(0, Math.max(slash, 0)), taskPath.substring(slash + 1)};
    }

    /**
     * The hosts of a task entry that are not among {@code finished}, decoded to {@code host:port}.
     *
     * @param entry the value of the task's ZooKeeper node
     * @param finished the names of the children of its {@code finished} node
     */
    public static List<String> unfinishedHosts(String entry, List<String> finished) {
        Matcher hosts = ENTRY_HOSTS.matcher(entry);
        if (!hosts.find()) {
            return List.of();
        }
        Set<String> done = new LinkedHashSet<>();
        for (String name : finished) {
            done.add(decode(name));
        }
        List<String> unfinished = new ArrayList<>();
        Matcher q = QUOTED.matcher(hosts.group(1));
        while (q.find()) {
            String host = decode(q.group(1).replace("\\'", "'"));
            if (!done.contains(host)) {
                unfinished.add(host);
            }
        }
        return unfinished;
    }

    /** Reverses the server's escapeForFileName: {@code %2E} is '.', any {@code %XX} a byte. */
    static String decode(String name) {
        if (name.indexOf('%') < 0) {
            return name;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                int v = Integer.parseInt(name, i + 1, i + 3, 16);
                out.write(v);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

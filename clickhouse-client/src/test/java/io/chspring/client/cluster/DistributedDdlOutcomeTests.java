package io.chspring.client.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The texts below are what an 18.16 cluster of four nodes answered (see the cluster section of the README). */
class DistributedDdlOutcomeTests {

    @Test
    void allHostsRanIt() {
        DistributedDdlOutcome o = DistributedDdlOutcome.parseTable("""
                host\tport\tstatus\terror\tnum_hosts_remaining\tnum_hosts_active
                127.0.0.1\t47331\t0\t\t3\t0
                127.0.0.1\t47341\t0\t\t2\t0
                127.0.0.1\t47311\t0\t\t1\t0
                127.0.0.1\t47321\t0\t\t0\t0
                """);
        assertThat(o.succeeded()).isTrue();
        assertThat(o.hosts()).extracting(DistributedDdlOutcome.HostResult::address)
                .containsExactly("127.0.0.1:47331", "127.0.0.1:47341", "127.0.0.1:47311", "127.0.0.1:47321");
        assertThat(o.describe()).isEqualTo("ran on all 4 hosts");
    }

    @Test
    void aHostWithAnErrorIsNamedWithItsError() {
        DistributedDdlOutcome o = DistributedDdlOutcome.parseTable("host\tport\tstatus\terror\tnum_hosts_remaining"
                + "\tnum_hosts_active\nh1\t9000\t0\t\t1\t0\nh2\t9000\t57\tTable default.t already exists.\\n\t0\t0\n");
        assertThat(o.succeeded()).isFalse();
        assertThat(o.failedHosts()).containsExactly("h2:9000");
        assertThat(o.hosts().get(1).error()).isEqualTo("Table default.t already exists.\n");
        assertThat(o.describe()).startsWith("failed on h2:9000 with code 57: Table default.t already exists.")
                .endsWith("ran on 1 host");
    }

    @Test
    void theTimeoutNamesTheTaskAndZooKeeperNamesTheUnfinishedHost() {
        String message = "Watching task /clickhouse/task_queue/ddl/query-0000000002 is executing longer than "
                + "distributed_ddl_task_timeout (=3) seconds. There are 1 unfinished hosts (0 of them are currently "
                + "active), they are going to execute the query in background";
        assertThat(DistributedDdlTask.timedOutTask(message)).contains("/clickhouse/task_queue/ddl/query-0000000002");
        assertThat(DistributedDdlTask.parentAndName("/clickhouse/task_queue/ddl/query-0000000002"))
                .containsExactly("/clickhouse/task_queue/ddl", "query-0000000002");
        String entry = "version: 1\nquery: CREATE TABLE default.t4 ON CLUSTER c ( id UInt64) ENGINE = Memory\n"
                + "hosts: ['127%2E0%2E0%2E1:47311','127%2E0%2E0%2E1:47321','127%2E0%2E0%2E1:47331',"
                + "'127%2E0%2E0%2E1:47341']\ninitiator: vm:47311\n";
        List<String> finished = List.of("127%2E0%2E0%2E1:47331", "127%2E0%2E0%2E1:47311", "127%2E0%2E0%2E1:47321");
        assertThat(DistributedDdlTask.unfinishedHosts(entry, finished)).containsExactly("127.0.0.1:47341");
        DistributedDdlOutcome o = new DistributedDdlOutcome(List.of(), List.of("127.0.0.1:47341"));
        assertThat(o.succeeded()).isFalse();
        assertThat(o.describe()).startsWith("1 host did not finish: 127.0.0.1:47341");
    }

    @Test
    void anErrorOnOneHostIsReadFromTheServersMessage() {
        String message = "There was an error on [127.0.0.1:47331]: Code: 57, e.displayText() = DB::Exception: "
                + "Table default.t2 already exists., e.what() = DB::Exception";
        DistributedDdlOutcome.HostResult h = DistributedDdlTask.hostError(message, 57).orElseThrow();
        assertThat(h.address()).isEqualTo("127.0.0.1:47331");
        assertThat(h.status()).isEqualTo(57);
        assertThat(h.error()).contains("Table default.t2 already exists.");
        assertThat(DistributedDdlTask.hostError("Table t doesn't exist", 60)).isEmpty();
        assertThat(DistributedDdlTask.timedOutTask("Table t doesn't exist")).isEmpty();
    }
}

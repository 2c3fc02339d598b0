package io.chspring.it;

import io.chspring.client.ClickHouseClient;
import io.chspring.client.insert.Insert;
import io.chspring.client.inserter.Inserter;
import io.chspring.test.ClickHouseEngines;
import io.chspring.test.EngineTarget;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

@ClickHouseEngines
class TmpCostMeasureIntegrationTests {

    record Two(long a, long b, long c) {
    }

    @Parameter
    EngineTarget engine;

    @Test
    void measure() {
        try (ClickHouseClient client = ClickHouseClient.fromUrl(engine.url())) {
            client.execute("CREATE TABLE cost (a UInt32, b UInt32, c UInt32) ENGINE = MergeTree ORDER BY a");
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    client.describeTable("cost");
                    client.invalidateSchema("cost");
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    try (Insert<Two> insert = client.insert("cost", Two.class)) {
                        insert.write(new Two(i, i, i));
                        insert.end();
                    }
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < 200; i++) {
                    client.insert("cost").format("RowBinary").columns("a", "b", "c")
                            .send(out -> out.write(new byte[12]));
                }
                long t3 = System.nanoTime();
                long t4;
                try (Inserter<Two> inserter = client.inserter("cost", Two.class).maxRows(1).period(Duration.ofHours(1))
                        .shutdownHook(false).build()) {
                    long s = System.nanoTime();
                    for (int i = 0; i < 200; i++) {
                        inserter.write(new Two(i, i, i));
                    }
                    inserter.flush();
                    t4 = System.nanoTime() - s;
                }
                System.out.printf("COST %s round %d: describe %.2f ms, typed insert %.2f ms, raw insert %.2f ms, "
                        + "inserter batch %.2f ms%n", engine.kind(), round, (t1 - t0) / 200e6, (t2 - t1) / 200e6,
                        (t3 - t2) / 200e6, t4 / 200e6);
            }
        }
    }
}

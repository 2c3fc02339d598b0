package io.chspring.boot.autoconfigure.inserter;

import io.chspring.client.inserter.Inserter;
import io.chspring.client.inserter.InserterStats;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;

/**
 * Says what each Inserter bean did with its pending rows when the context closes: how many it sent, in how long, and
 * what went to the failure handler instead. It closes the Inserter itself, just before the bean's own destroy method
 * (a no-op then: {@code close()} is idempotent), in the context's destruction order, so still before the client.
 */
final class InserterShutdownLogger implements DestructionAwareBeanPostProcessor {

    private static final Log log = LogFactory.getLog(InserterShutdownLogger.class);

    @Override
    public boolean requiresDestruction(Object bean) {
        return bean instanceof Inserter<?>;
    }

    @Override
    public void postProcessBeforeDestruction(Object bean, String beanName) {
        if (!(bean instanceof Inserter<?> inserter)) {
            return;
        }
        InserterStats before = inserter.stats();
        long started = System.nanoTime();
        inserter.close();
        long millis = (System.nanoTime() - started) / 1_000_000;
        InserterStats after = inserter.stats();
        long sent = after.committedRows() - before.committedRows();
        long spooled = after.spooledBatches() - before.spooledBatches();
        long lost = after.lostBatches() - before.lostBatches();
        String message = "Inserter '" + beanName + "' closed in " + millis + " ms: " + before.bufferedRows()
                + " pending rows at shutdown, " + sent + " rows committed";
        if (spooled > 0 || lost > 0) {
            log.warn(message + ", " + spooled + " batches handed to the failure handler (spooled), " + lost
                    + " lost");
        } else {
            log.info(message);
        }
    }
}

package io.chspring.client.inserter;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One named daemon thread per inserter: a quiet JVM can exit, and thread dumps say what the thread is for. */
final class InserterDaemonScheduler implements InserterScheduler {

    private static final Logger log = LoggerFactory.getLogger(InserterDaemonScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    InserterDaemonScheduler(String threadName) {
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Cancel schedule(Runnable task, Duration delay) {
        try {
            Future<?> future = executor.schedule(() -> runLogged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            // After shutdown the inserter is closed and whatever was pending has been handed off already.
            return () -> { };
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // A scheduled task's exception would vanish into its Future: say it out loud instead.
            log.error("Inserter background task failed", e);
        }
    }

    @Override
    public void shutdown() {
        executor.shutdownNow();
    }
}

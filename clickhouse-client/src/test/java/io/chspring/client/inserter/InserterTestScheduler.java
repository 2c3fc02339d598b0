package io.chspring.client.inserter;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A scheduler on virtual time with one real worker thread, like the production one: due tasks run on the
 * worker at once, delayed tasks only when the test {@link #advance advances} the clock past them.
 */
final class InserterTestScheduler implements InserterScheduler, InstantSource {

    static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    private record Task(long due, long seq, Runnable body) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private final Thread worker = new Thread(this::work, "test-inserter-worker");
    private long now;
    private long seq;
    private boolean running;
    private boolean shutdown;

    InserterTestScheduler() {
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public Instant instant() {
        lock.lock();
        try {
            return EPOCH.plusNanos(now);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Cancel schedule(Runnable body, Duration delay) {
        lock.lock();
        try {
            if (shutdown) {
                return () -> { };
            }
            Task task = new Task(now + delay.toNanos(), seq++, body);
            tasks.add(task);
            changed.signalAll();
            return () -> {
                lock.lock();
                try {
                    tasks.remove(task);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            };
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            tasks.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        worker.interrupt();
    }

    /** Moves time forward by {@code step}, running each task when its due time is reached, in order. */
    void advance(Duration step) {
        long target;
        lock.lock();
        try {
            target = now + step.toNanos();
        } finally {
            lock.unlock();
        }
        while (true) {
            awaitIdle();
            lock.lock();
            try {
                Task next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
                    changed.signalAll();
                    return;
                }
                now = Math.max(now, next.due);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits until no task is due or running. */
    void awaitIdle() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        lock.lock();
        try {
            while (running || (!tasks.isEmpty() && tasks.peek().due <= now && !shutdown)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("scheduler did not become idle within 5 s");
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            lock.unlock();
        }
    }

    /** Delayed tasks still waiting. */
    int scheduledCount() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (true) {
            Task task;
            lock.lock();
            try {
                while (!shutdown && (tasks.isEmpty() || tasks.peek().due > now)) {
                    changed.await();
                }
                if (shutdown) {
                    return;
                }
                task = tasks.poll();
                running = true;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                task.body.run();
            } finally {
                lock.lock();
                try {
                    running = false;
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }
    }
}

package io.chspring.migrations;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mutual exclusion between instances that only append rows and read them back, because ClickHouse has no locks and
 * no transactions. The argument for why it is safe is in the module's README ("The lease"); in short:
 *
 * <ol>
 * <li>A contender inserts a claim row (a fresh token, an expiry of {@code now() + timeout} in server time), and
 * <em>after that insert returned</em> reads every live claim (not expired, not released).</li>
 * <li>It holds the lease only when that read shows its own claim alone. Otherwise it either keeps its claim and reads
 * again (when its claim is the oldest) or releases it and backs off.</li>
 * </ol>
 *
 * Two holders at once would need each one's read to miss the other's completed insert, and one of the two reads
 * starts after both inserts completed. Expiry frees the lease of a holder that died; a living holder renews its
 * claim every third of the timeout and stops working (before each statement) once its own conservative deadline has
 * passed without a renewal. On a cluster the tables are replicated and every insert has a quorum of all replicas, so
 * "after the insert returned" holds on every node.
 */
final class MigrationLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MigrationLease.class);

    private static final String COLUMNS = "token String, holder String, since DateTime, expires DateTime,"
            + " released UInt8";

    /** A live claim as read back. */
    record Claim(String token, String holder, Instant firstSeen, Instant expiresAt) {
    }

    private final Target target;
    private final String table;
    private final Duration timeout;
    private final Duration margin;
    private final String holder;
    private String token = UUID.randomUUID().toString();
    private boolean claimed;
    private @Nullable ScheduledExecutorService renewer;
    private volatile long validUntilNanos;
    private volatile @Nullable RuntimeException renewalFailure;

    MigrationLease(Target target, String table, Duration timeout, String holder) {
        if (timeout.compareTo(Duration.ofSeconds(6)) < 0) {
            throw new IllegalArgumentException("the lease timeout must be at least 6 s (the server counts whole"
                    + " seconds): " + timeout);
        }
        this.target = target;
        this.table = table;
        this.timeout = timeout;
        // now() has whole seconds (up to 1 s early) and nodes' clocks may differ: the holder gives up this much
        // before the others can see its claim expire
        this.margin = Duration.ofSeconds(2).plus(timeout.dividedBy(10));
        this.holder = holder;
    }

    void create(String replicaPath, String replicaName) {
        target.createIfMissing(table, COLUMNS, "(since, token)", replicaPath, replicaName);
    }

    /**
     * Takes the lease, waiting at most {@code maxWait} for other holders. While another instance holds it, asks
     * {@code stillNeeded} after each look: the holder may have done all the work.
     *
     * @return true when the lease is ours, false when {@code stillNeeded} said it no longer is
     * @throws MigrationException when the lease is still held by another instance after {@code maxWait}
     */
    boolean acquire(Duration maxWait, BooleanSupplier stillNeeded) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean waited = false;
        while (true) {
            if (!claimed) {
                if (waited && !stillNeeded.getAsBoolean()) {
                    return false;
                }
                List<Claim> others = live().stream().filter(c -> !c.token().equals(token)).toList();
                waited = !others.isEmpty();
                if (others.isEmpty()) {
                    claim();
                    startRenewing();
                    continue;
                }
                waitOrFail(deadline, maxWait, others, 1);
                continue;
            }
            List<Claim> live = live();
            if (live.size() == 1 && live.get(0).token().equals(token)) {
                log.debug("Migration lease {} taken by {}", table, holder);
                return true;
            }
            Claim oldest = live.stream().min(Comparator.comparing(Claim::firstSeen).thenComparing(Claim::token))
                    .orElse(null);
            if (oldest == null || !oldest.token().equals(token)) {
                // someone else was first: withdraw, so that the oldest claim can win
                stopRenewing();
                release();
                waited = true;
                waitOrFail(deadline, maxWait, live, 2);
            } else {
                sleep(50 + ThreadLocalRandom.current().nextInt(50)); // the others see that we are older and withdraw
                if (System.nanoTime() > deadline) {
                    close();
                    throw new MigrationException("The migration lease " + target.qualified(table)
                            + " was contended for longer than " + maxWait + ": " + live);
                }
            }
        }
    }

    /** Whether the lease is still ours by our own conservative clock; checked before each statement. */
    void ensureHeld() {
        if (System.nanoTime() - validUntilNanos > 0) {
            RuntimeException cause = renewalFailure;
            throw new MigrationException("The migration lease " + target.qualified(table) + " was not renewed in time"
                    + " (timeout " + timeout + "): another instance may take it now, so this one stops"
                    + (cause == null ? "" : "; the last renewal failed: " + cause.getMessage()), cause);
        }
    }

    @Override
    public void close() {
        stopRenewing();
        release();
    }

    private void waitOrFail(long deadline, Duration maxWait, List<Claim> others, int factor) {
        if (System.nanoTime() > deadline) {
            throw new MigrationException("Another instance holds the migration lease " + target.qualified(table)
                    + " for longer than " + maxWait + ": " + others + ". If that instance died, its claim expires"
                    + " after the lease timeout (" + timeout + ")");
        }
        sleep(factor * (100 + ThreadLocalRandom.current().nextInt(200)));
    }

    private List<Claim> live() {
        return target.coordinated.query("SELECT token, any(holder) AS holder, min(since) AS first_seen,"
                + " max(expires) AS expires_at FROM " + target.qualified(table)
                + " GROUP BY token HAVING max(released) = 0 AND expires_at > now()").fetchAll(Claim.class);
    }

    private void claim() {
        token = UUID.randomUUID().toString(); // a released token stays released
        long start = System.nanoTime();
        claimed = true;
        insert(0);
        validUntilNanos = start + timeout.minus(margin).toNanos();
    }

    private void renew() {
        long start = System.nanoTime();
        if (start - validUntilNanos > 0) {
            return; // too late: renewing now could revive a claim the others already count as expired
        }
        try {
            insert(0);
            validUntilNanos = start + timeout.minus(margin).toNanos();
            renewalFailure = null;
        } catch (RuntimeException e) {
            renewalFailure = e;
            log.warn("Renewing the migration lease {} failed (it stays valid until its deadline): {}", table,
                    e.getMessage());
        }
    }

    private void release() {
        if (!claimed) {
            return;
        }
        claimed = false;
        try {
            insert(1);
        } catch (RuntimeException e) {
            log.warn("Releasing the migration lease {} failed; it expires after {}: {}", table, timeout,
                    e.getMessage());
        }
    }

    private void insert(int released) {
        target.insert("INSERT INTO " + target.qualified(table)
                + " (token, holder, since, expires, released) SELECT ?, ?, now(), now() + ?, ?", token, holder,
                timeout.toSeconds(), released);
    }

    private void startRenewing() {
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "chspring-migration-lease");
            thread.setDaemon(true);
            return thread;
        });
        long period = timeout.dividedBy(3).toMillis();
        renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    private void stopRenewing() {
        if (renewer != null) {
            renewer.shutdownNow();
            try {
                renewer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            renewer = null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException("Interrupted while waiting for the migration lease", e);
        }
    }
}

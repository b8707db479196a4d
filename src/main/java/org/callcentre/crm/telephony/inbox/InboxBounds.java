package org.callcentre.crm.telephony.inbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps {@code telephony_inbox} bounded. Pending entries (stored, not yet applied) are capped at
 * {@code crm.inbox.max-pending}: at the cap a webhook is answered 503 with {@code Retry-After}
 * before anything is stored, so the PBX keeps it and sends it again (Mango retries), instead of the
 * table, and the time to apply it, growing without end. Applied entries, and those set aside as
 * unreadable, are deleted once {@code crm.inbox.keep-applied} old.
 *
 * <p>The pending count is a counter: raised by one for each entry this node is about to store,
 * lowered by the entries its worker applied or set aside, so neither a webhook nor the cap check
 * costs a query (a {@code count(*)} of up to the cap every second was one of the costs at full
 * rate). Every {@code crm.inbox.recount-interval} (1 min) it is set from PostgreSQL (never more
 * than the cap is counted), which brings in what the counter cannot see: entries stored or applied
 * by other nodes, and entries that used up their attempts. Between counts the inbox may pass its
 * cap by entries other nodes stored; it never refuses below the cap because of this node's count.
 */
@Singleton
public class InboxBounds {
    private static final Logger LOG = LoggerFactory.getLogger(InboxBounds.class);
    private static final int PRUNE_BATCH = 10_000;

    private final Db db;
    private final long maxPending;
    private final int maxAttempts;
    private final Duration retryAfter;
    private final Duration keepApplied;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean full = new AtomicBoolean();

    InboxBounds(Db db, @Value("${crm.inbox.max-pending:100000}") long maxPending,
                @Value("${crm.inbox.max-attempts:10}") int maxAttempts,
                @Value("${crm.inbox.retry-after:10s}") Duration retryAfter,
                @Value("${crm.inbox.keep-applied:1d}") Duration keepApplied) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("crm.inbox.max-pending must be at least 1, not " + maxPending);
        }
        this.db = db;
        this.maxPending = maxPending;
        this.maxAttempts = maxAttempts;
        this.retryAfter = retryAfter;
        this.keepApplied = keepApplied;
    }

    /**
     * Reserves a place for one entry about to be stored; give it back with {@link #release()} if it
     * is not stored after all.
     *
     * @throws ApiException 503 with {@code Retry-After} while the inbox is at its cap
     */
    public void admit() {
        if (pending.incrementAndGet() > maxPending) {
            pending.decrementAndGet();
            if (full.compareAndSet(false, true)) {
                LOG.warn("Telephony inbox: {} webhooks wait to be applied (the cap); new ones are answered 503 until it shrinks", maxPending);
            }
            throw ApiException.busy("Too many events wait to be applied; send this one again later", retryAfter);
        }
    }

    /** The place {@link #admit()} reserved was not used. */
    public void release() {
        pending.decrementAndGet();
    }

    /** The worker committed {@code entries} as applied or set aside; never below zero (another node may have stored them). */
    void applied(int entries) {
        long left = pending.updateAndGet(p -> Math.max(0, p - entries));
        belowCap(left);
    }

    private void belowCap(long left) {
        if (left < maxPending && full.compareAndSet(true, false)) {
            LOG.info("Telephony inbox below its cap again ({} pending): webhooks are taken", left);
        }
    }

    @Scheduled(fixedDelay = "${crm.inbox.recount-interval:1m}", initialDelay = "0s")
    void recount() {
        try {
            long counted = db.queryLong("SELECT count(*) FROM (SELECT 1 FROM telephony_inbox "
                    + "WHERE processed_at IS NULL AND attempts < ? LIMIT ?) AS p", maxAttempts, maxPending);
            pending.set(counted);
            belowCap(counted);
        } catch (RuntimeException e) {
            // unreachable PostgreSQL: webhooks go to the ingest spool meanwhile, which has a cap of its own
            LOG.debug("Telephony inbox not counted: {}", e.toString());
        }
    }

    /** Applied and set-aside entries older than {@code keep-applied}, a batch at a time through telephony_inbox_processed_idx. */
    @Scheduled(fixedDelay = "${crm.inbox.prune-interval:10m}", initialDelay = "1m")
    void prune() {
        try {
            int deleted;
            do {
                deleted = db.update("DELETE FROM telephony_inbox WHERE id IN (SELECT id FROM telephony_inbox "
                        + "WHERE processed_at < now() - make_interval(secs => ?) ORDER BY processed_at LIMIT ?)",
                        (double) keepApplied.toSeconds(), PRUNE_BATCH);
            } while (deleted == PRUNE_BATCH);
        } catch (RuntimeException e) {
            LOG.warn("Telephony inbox: applied entries not pruned, next round tries again: {}", e.toString());
        }
    }

    long pending() {
        return pending.get();
    }

    long maxPending() {
        return maxPending;
    }

    boolean full() {
        return pending.get() >= maxPending;
    }
}

package org.callcentre.crm.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ReplicaPosition;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What rollup statements answered, by statement. When a transaction that changed rollups ends,
 * every answer whose period may hold one of the days it touched is dropped; until then answers are
 * read afresh, since nobody can tell whether a read would see the change. So a read after a write
 * on this node never sees the figures from before it, whichever listener of that write runs first.
 * Other nodes hear of the days over the cluster channel once the change committed and drop theirs.
 *
 * <p>With a read replica, a day stays "not replayed" from the change until the replica has replayed the
 * primary's WAL up to where it was when the change was known to have committed; an answer whose period may hold
 * such a day is read (from the replica, up to its stated lag behind) but not kept, so the cache never refills
 * with figures from before the change.
 */
@Singleton
class StatsCache {
    private final Cache<Sql, Answer> answers = Caffeine.newBuilder()
            .maximumSize(5_000)
            // other nodes' writes arrive over the cluster channel; this bounds the damage of a message lost on the way
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    /** Transactions that changed rollups and have not ended yet. */
    private final AtomicInteger changesUnderway = new AtomicInteger();
    /** Counts ended changes, to tell whether one ended while an answer was being read. */
    private final AtomicLong changesEnded = new AtomicLong();

    /** Changed days the read replica may not have yet, with the primary's WAL position they are at or below. */
    private final Map<LocalDate, Long> notReplayed = new ConcurrentHashMap<>();
    private final ReplicaPosition replica;

    private record Answer(StatsPeriod period, Object rows) {
    }

    StatsCache(ReplicaPosition replica) {
        this.replica = replica;
    }

    /** @param read must answer an unmodifiable value */
    @SuppressWarnings("unchecked")
    <T> T get(Sql statement, StatsPeriod period, Supplier<T> read) {
        if (changesUnderway.get() > 0) {
            return read.get();
        }
        Answer cached = answers.getIfPresent(statement);
        if (cached != null) {
            return (T) cached.rows();
        }
        long endedBefore = changesEnded.get();
        boolean replayed = replayed(period);
        T rows = read.get();
        if (!replayed) {
            return rows;
        }
        answers.put(statement, new Answer(period, rows));
        if (changesEnded.get() != endedBefore || changesUnderway.get() > 0) {
            // a change began or ended while this was read: the answer may predate it
            answers.invalidate(statement);
        }
        return rows;
    }

    /** In the transaction that changes rollups. */
    @EventListener
    void changeBegins(RollupsChanged change) {
        changesUnderway.incrementAndGet();
    }

    /** After that transaction committed or rolled back. */
    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMPLETION)
    void changeEnded(RollupsChanged change) {
        awaitReplay(change.days());
        changesEnded.incrementAndGet();
        dropDays(change.days());
        changesUnderway.decrementAndGet();
    }

    /** Another node committed a change to these days' rollups. */
    void changedElsewhere(Set<LocalDate> days) {
        awaitReplay(days);
        changesEnded.incrementAndGet();
        dropDays(days);
    }

    /** Changes may have been missed (see {@link StatsCacheAcrossNodes}). */
    void dropAll() {
        changesEnded.incrementAndGet();
        answers.invalidateAll();
    }

    /** Before the answers are dropped, so that no reader keeps one read from a replica still without the change. */
    private void awaitReplay(Set<LocalDate> days) {
        if (!replica.configured()) {
            return;
        }
        try {
            long position = replica.primaryPosition();
            days.forEach(day -> notReplayed.merge(day, position, Math::max));
        } catch (RuntimeException primaryAway) {
            // nothing to wait for: an answer read now comes from the replica or fails, and expires within a minute
        }
    }

    /** Whether the replica has every change to the days {@code period} may hold (asked only while some are pending). */
    private boolean replayed(StatsPeriod period) {
        if (notReplayed.isEmpty()) {
            return true;
        }
        long position = replica.replayedPosition();
        notReplayed.values().removeIf(changed -> changed <= position);
        return notReplayed.keySet().stream().noneMatch(period::mayInclude);
    }

    private void dropDays(Set<LocalDate> days) {
        answers.asMap().values().removeIf(answer -> days.stream().anyMatch(answer.period()::mayInclude));
    }
}

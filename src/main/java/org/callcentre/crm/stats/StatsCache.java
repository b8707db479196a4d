package org.callcentre.crm.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What rollup statements answered, by statement. When a transaction that changed rollups ends,
 * every answer whose period may hold one of the days it touched is dropped; until then answers are
 * read afresh, since nobody can tell whether a read would see the change. So a read after a write
 * on this node never sees the figures from before it, whichever listener of that write runs first.
 * Other nodes hear of the days over the cluster channel once the change committed and drop theirs.
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

    private record Answer(StatsPeriod period, Object rows) {
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
        T rows = read.get();
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
        changesEnded.incrementAndGet();
        dropDays(change.days());
        changesUnderway.decrementAndGet();
    }

    /** Another node committed a change to these days' rollups. */
    void changedElsewhere(Set<LocalDate> days) {
        changesEnded.incrementAndGet();
        dropDays(days);
    }

    /** Changes may have been missed (see {@link StatsCacheAcrossNodes}). */
    void dropAll() {
        changesEnded.incrementAndGet();
        answers.invalidateAll();
    }

    private void dropDays(Set<LocalDate> days) {
        answers.asMap().values().removeIf(answer -> days.stream().anyMatch(answer.period()::mayInclude));
    }
}

package org.callcentre.crm.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What rollup statements answered, by statement. A committed change drops every answer whose
 * period may hold one of the days it touched, so a read after a write on this node never sees the
 * figures from before it.
 */
@Singleton
class StatsCache {
    private final Cache<Sql, Answer> answers = Caffeine.newBuilder()
            .maximumSize(5_000)
            // writes on other nodes are not heard of here; this bounds how long they can go unseen
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
    /** Counts committed changes, to tell whether one landed while an answer was being read. */
    private final AtomicLong changes = new AtomicLong();

    private record Answer(StatsPeriod period, Object rows) {
    }

    /** @param read must answer an unmodifiable value */
    @SuppressWarnings("unchecked")
    <T> T get(Sql statement, StatsPeriod period, Supplier<T> read) {
        Answer cached = answers.getIfPresent(statement);
        if (cached != null) {
            return (T) cached.rows();
        }
        long changesBefore = changes.get();
        T rows = read.get();
        answers.put(statement, new Answer(period, rows));
        if (changes.get() != changesBefore) {
            // the change may have been committed after the read began and dropped before this answer was kept
            answers.invalidate(statement);
        }
        return rows;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onRollupsChanged(RollupsChanged change) {
        changes.incrementAndGet();
        answers.asMap().values().removeIf(answer -> change.days().stream().anyMatch(answer.period()::mayInclude));
    }
}

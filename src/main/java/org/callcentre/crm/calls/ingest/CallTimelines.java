package org.callcentre.crm.calls.ingest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The full event list of calls being ingested. Re-reading and re-parsing every earlier event of a
 * call for each new batch made ingest quadratic in a call's length, so the lists of live calls are
 * kept in memory — but only trusted when the database holds exactly the events the copy has (one
 * index-only count per batch): another node, or a rolled-back batch, makes the copy stale, and then
 * it is read again.
 */
@Singleton
public class CallTimelines {
    private final CallEventStore store;
    private final Db db;
    private final Cache<String, List<CallEvent>> live;
    private final TransactionOperations<Connection> transactions;

    public CallTimelines(CallEventStore store, Db db, TransactionOperations<Connection> transactions,
                         @Value("${crm.ingest.live-calls-kept:10000}") long kept) {
        this.store = store;
        this.db = db;
        this.transactions = transactions;
        this.live = Caffeine.newBuilder().maximumSize(kept).build();
    }

    /**
     * Every event of each call, the fresh ones included; called under the calls' locks, after the
     * fresh events were appended.
     */
    public Map<String, List<CallEvent>> of(String source, Map<String, List<CallEvent>> freshByCall) {
        Map<String, Long> stored = new HashMap<>();
        db.query("SELECT call_key, count(*) FROM call_events WHERE source = ? AND call_key = ANY (?::text[]) GROUP BY call_key",
                rs -> stored.put(rs.getString(1), rs.getLong(2)), source, freshByCall.keySet());
        Map<String, List<CallEvent>> timelines = new HashMap<>();
        List<String> reread = new ArrayList<>();
        freshByCall.forEach((callKey, fresh) -> {
            List<CallEvent> known = live.getIfPresent(source + ":" + callKey);
            long expected = stored.getOrDefault(callKey, 0L);
            if (known != null && known.size() + fresh.size() == expected) {
                List<CallEvent> all = new ArrayList<>(known);
                all.addAll(fresh);
                timelines.put(callKey, all);
            } else {
                reread.add(callKey);
            }
        });
        if (!reread.isEmpty()) {
            timelines.putAll(store.eventsOf(source, reread));
        }
        return timelines;
    }

    /**
     * Remembers the lists of calls still going on once the batch that produced them has committed;
     * an ended call gets few more events and its list is not worth the memory.
     */
    public void rememberAfterCommit(String source, Map<String, List<CallEvent>> timelines, java.util.Set<String> ended) {
        Map<String, List<CallEvent>> going = new HashMap<>();
        timelines.forEach((callKey, events) -> {
            if (ended.contains(callKey)) {
                live.invalidate(source + ":" + callKey);
            } else {
                going.put(callKey, List.copyOf(events));
            }
        });
        TransactionStatus<?> transaction = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("ingest runs in a transaction"));
        transaction.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                going.forEach((callKey, events) -> live.put(source + ":" + callKey, events));
            }
        });
    }
}

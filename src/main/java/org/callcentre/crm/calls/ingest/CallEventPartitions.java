package org.callcentre.crm.calls.ingest;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Keeps the monthly partitions of {@code call_events} (V281): this month's and the next
 * {@value #MONTHS_AHEAD} exist at every start and hour, so events never fall into the default
 * partition in normal running; with {@code crm.call-events.retention-months} above 0, the months
 * before that many whole months are dropped — a catalog change, not a DELETE of millions of rows —
 * and the horizon moves to the first kept instant, so that a late redelivery of a dropped event is
 * not stored again (it would re-derive a finished call from that one event). Nodes of a cluster take
 * turns through an advisory lock: one maintains, the others skip.
 */
@Singleton
class CallEventPartitions {
    static final int MONTHS_AHEAD = 2;
    private static final Logger LOG = LoggerFactory.getLogger(CallEventPartitions.class);
    /** Names this job's advisory lock; any constant shared by every node. */
    private static final long LOCK_KEY = 0x63616c6c65767473L;
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

    private final Db db;
    private final TransactionOperations<Connection> transactions;
    private final int retentionMonths;

    CallEventPartitions(Db db, TransactionOperations<Connection> transactions,
                        @Value("${crm.call-events.retention-months:0}") int retentionMonths) {
        if (retentionMonths < 0) {
            throw new IllegalArgumentException("crm.call-events.retention-months must be 0 (keep all) or more, not " + retentionMonths);
        }
        this.db = db;
        this.transactions = transactions;
        this.retentionMonths = retentionMonths;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        maintain();
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1h")
    void maintain() {
        transactions.executeWrite(status -> {
            if (!db.queryOne("SELECT pg_try_advisory_xact_lock(?)", rs -> rs.getBoolean(1), LOCK_KEY).orElse(false)) {
                return null;
            }
            // the wall clock, not the injectable one: events carry the PBX's real times, and this runs at start,
            // before a test's clock could be made
            YearMonth now = YearMonth.now(ZoneOffset.UTC);
            for (int i = 0; i <= MONTHS_AHEAD; i++) {
                create(now.plusMonths(i));
            }
            if (retentionMonths > 0) {
                dropBefore(now.minusMonths(retentionMonths));
            }
            return null;
        });
    }

    /**
     * The partition of one month (UTC), unless it exists. Events of that month that arrived before it
     * (into the default partition) move into it, so attaching it never fails on them.
     */
    void create(YearMonth month) {
        String name = name(month);
        if (db.queryOne("SELECT to_regclass(?) IS NOT NULL", rs -> rs.getBoolean(1), name).orElse(false)) {
            return;
        }
        Instant from = start(month);
        Instant to = start(month.plusMonths(1));
        // DDL takes no bind parameters; names and bounds are made from a YearMonth, never from input
        db.update("CREATE TABLE " + name + " (LIKE call_events INCLUDING DEFAULTS)");
        db.update("WITH moved AS (DELETE FROM call_events_default WHERE occurred_at >= ? AND occurred_at < ? RETURNING *) "
                + "INSERT INTO " + name + " SELECT * FROM moved", from, to);
        db.update("ALTER TABLE call_events ATTACH PARTITION " + name + " FOR VALUES FROM ('" + from + "') TO ('" + to + "')");
    }

    /** Drops the partitions of the months before {@code firstKept}, and the default partition's events before it. */
    private void dropBefore(YearMonth firstKept) {
        Instant keptFrom = start(firstKept);
        db.update("INSERT INTO call_events_horizon (kept_from) VALUES (?) ON CONFLICT (only_row) "
                + "DO UPDATE SET kept_from = greatest(call_events_horizon.kept_from, EXCLUDED.kept_from)", keptFrom);
        List<String> old = db.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = 'call_events'::regclass AND c.relname ~ '^call_events_[0-9]{6}$' AND c.relname < ? ORDER BY 1",
                rs -> rs.getString(1), name(firstKept));
        for (String partition : old) {
            db.update("DROP TABLE " + partition);
            LOG.info("Dropped {}: call events before {} are past retention ({} months)", partition, keptFrom, retentionMonths);
        }
        db.update("DELETE FROM call_events_default WHERE occurred_at < ?", keptFrom);
    }

    private static String name(YearMonth month) {
        return "call_events_" + month.format(SUFFIX);
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

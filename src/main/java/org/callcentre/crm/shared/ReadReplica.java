package org.callcentre.crm.shared;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * The read replica ({@code CRM_DB_READ_URL}, a streaming standby of the primary) and how far behind it is.
 *
 * <p>Every probe notes the primary's WAL position with the time, and asks the replica how far it has replayed.
 * The replica's lag is the age of the oldest noted position it has not replayed yet. While that lag is within
 * {@code crm.db.read.max-lag} and the replica answers, reads may go to it; otherwise everything is read from the
 * primary until it has caught up. So a read from the replica is at most max-lag plus one probe interval old.
 */
@Singleton
@Requires(property = ReadReplica.URL_PROPERTY)
class ReadReplica implements ReplicaPosition {
    static final String NAME = "read";
    static final String URL_PROPERTY = "datasources." + NAME + ".url";
    private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);
    /** pg_lsn as a number of bytes, comparable in Java; a server that is no standby counts as fully replayed. */
    private static final String REPLAYED = "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() "
            + "ELSE pg_current_wal_lsn() END - '0/0'::pg_lsn)::bigint";
    /**
     * The insert position, not pg_current_wal_lsn() (the write position): with asynchronous commit a committed
     * change's WAL may not be written out yet, and the write position would then lie before it.
     */
    private static final String PRIMARY = "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint";

    private record Mark(long nanos, long position) {
    }

    private final JdbcOperations replica;
    private final TransactionOperations<Connection> transactions;
    private final Db primary;
    private final long maxLagNanos;
    /** Primary positions noted by the probes that the replica has not replayed yet, oldest first. */
    private final Deque<Mark> ahead = new ArrayDeque<>();
    private volatile long replayed = -1;
    private volatile boolean answering;

    ReadReplica(@Named(NAME) JdbcOperations replica, @Named(NAME) TransactionOperations<Connection> transactions, Db primary,
                @Value("${crm.db.read.max-lag:5s}") Duration maxLag) {
        this.replica = replica;
        this.transactions = transactions;
        this.primary = primary;
        this.maxLagNanos = maxLag.toNanos();
    }

    JdbcOperations jdbc() {
        return replica;
    }

    /** Whether this thread is inside a transaction opened on the replica (its statements must stay there). */
    boolean inTransaction() {
        return transactions.findTransactionStatus().isPresent();
    }

    <T> T readOnly(TransactionDefinition definition, Supplier<T> work) {
        return transactions.execute(definition, status -> work.get());
    }

    @Scheduled(fixedDelay = "${crm.db.read.probe-interval:1s}", initialDelay = "0s")
    void probe() {
        long now = System.nanoTime();
        long primaryNow;
        try {
            primaryNow = primaryPosition();
        } catch (RuntimeException e) {
            return; // the primary is away: nothing is read from it either, and nothing to compare with
        }
        synchronized (ahead) {
            ahead.addLast(new Mark(now, primaryNow));
        }
        try {
            readReplayed();
            if (!answering) {
                LOG.info("The read replica answers: statistics, reports and lists are read from it");
            }
            answering = true;
        } catch (RuntimeException e) {
            if (answering) {
                LOG.warn("The read replica does not answer: reading from the primary until it does ({})", e.toString());
            }
            answering = false;
        }
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public boolean usable() {
        return answering && lagNanos() <= maxLagNanos;
    }

    /** How far behind the replica is, to the probes' precision: the age of the oldest primary position it lacks. */
    Duration lag() {
        return Duration.ofNanos(lagNanos());
    }

    private long lagNanos() {
        synchronized (ahead) {
            Mark oldest = ahead.peekFirst();
            return oldest == null ? 0 : System.nanoTime() - oldest.nanos();
        }
    }

    @Override
    public long primaryPosition() {
        return primary.queryLong(PRIMARY);
    }

    /** What the replica says; when it does not answer, the last position it said (reads then go to the primary). */
    @Override
    public long replayedPosition() {
        if (!answering) {
            return replayed; // not asked while it does not answer: reads go to the primary meanwhile
        }
        try {
            return readReplayed();
        } catch (RuntimeException e) {
            answering = false;
            return replayed;
        }
    }

    private long readReplayed() {
        long position = replica.execute(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(REPLAYED)) {
                rs.next();
                return rs.getLong(1);
            }
        });
        synchronized (ahead) {
            if (position > replayed) {
                replayed = position;
            }
            while (!ahead.isEmpty() && ahead.peekFirst().position() <= replayed) {
                ahead.removeFirst();
            }
        }
        return position;
    }

    @Override
    public boolean replayed(long position) {
        return replayed >= position || replayedPosition() >= position;
    }
}

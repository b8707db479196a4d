package org.callcentre.crm.stats;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Counts calls, orders and chats into the rollups again while the service serves: the whole of them after
 * the start-up check emptied the rollups, or one city's after its time zone changed. It works in
 * chunks of {@value #CHUNK} rows, each in a transaction of its own, through the very refresh ingest
 * uses (facts re-derived, new − previous added to every rollup), so ingest, order and status changes
 * go on meanwhile and nothing is counted twice or lost: a chunk locks its rows first, skipping those
 * a writer holds, and takes those one by one afterwards, when the writer has committed. Reads are
 * never blocked; until a recount ends they see the rows counted so far.
 *
 * <p>One recount at a time, on a thread of its own. What a city still owes is kept in
 * {@code stats_rollup_recounts}, so a recount cut short by a stop is taken up at the next start.
 */
@Singleton
class RollupRecount {
    static final int CHUNK = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(RollupRecount.class);

    /** A source table and the refresh of a set of its rows. */
    private record Source(String table, Consumer<Collection<Long>> refresh) {
    }

    private final Db db;
    private final TransactionOperations<Connection> transactions;
    private final RollupWriter rollups;
    private final StatsSettings settings;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "stats-recount");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Source> sources;
    /** Recounts submitted and not finished; tests and the start-up log wait on it. */
    private volatile int underway;

    RollupRecount(Db db, TransactionOperations<Connection> transactions, RollupWriter rollups, StatsSettings settings) {
        this.db = db;
        this.transactions = transactions;
        this.rollups = rollups;
        this.settings = settings;
        this.sources = List.of(new Source("calls", rollups::callsChanged), new Source("orders", rollups::ordersChanged),
                new Source("conversations", rollups::chatsChanged));
    }

    /**
     * Counts everything into rollups the caller has just emptied, then records the settings they
     * were counted with (so a stop before the end means another rebuild at the next start).
     */
    void rebuildAll(Instant begun) {
        submit(() -> {
            sources.forEach(source -> recount(source, null));
            List<Long> operators = transactions.executeRead(s -> db.query("SELECT id FROM operators ORDER BY id", rs -> rs.getLong(1)));
            // the incremental count of closed periods counts them all once nothing is marked applied
            operators.forEach(id -> transactions.executeWrite(s -> {
                rollups.statusPeriodsClosed(id);
                return null;
            }));
            transactions.executeWrite(s -> {
                tables().forEach(table -> db.update("ANALYZE " + table));
                // a one-transaction rebuild meanwhile (RollupRebuild) recorded them too
                db.update("DELETE FROM stats_rollup_settings");
                db.update("INSERT INTO stats_rollup_settings (default_timezone, service_level_seconds, short_abandon_seconds) "
                        + "VALUES (?, ?, ?)", settings.defaultZone().getId(), settings.serviceLevelSeconds(), settings.shortAbandonSeconds());
                return null;
            });
            LOG.info("Statistics rollups rebuilt in {} s", (Instant.now().toEpochMilli() - begun.toEpochMilli()) / 1000);
            recountCities();
        });
    }

    /** The rollups of every kind, with what they were counted with and what is still owed: what a rebuild empties. */
    static List<String> tables() {
        return Stream.of(CallFacts.KEPT.tables(), OrderFacts.KEPT.tables(), ChatFacts.CHATS.tables(), ChatFacts.ROUNDS.tables(),
                StatusPieces.KIND.tables(), List.of("stats_status_applied", "stats_rollup_settings", "stats_rollup_recounts"))
                .flatMap(List::stream).distinct().toList();
    }

    /** In the caller's transaction: the calls, orders and chats of this city are to be counted again. */
    void owe(long cityId) {
        db.update("INSERT INTO stats_rollup_recounts (city_id, requested_at) VALUES (?, clock_timestamp()) "
                + "ON CONFLICT (city_id) DO UPDATE SET requested_at = EXCLUDED.requested_at", cityId);
    }

    /** Counts again the calls, orders and chats of every city whose zone changed since they were counted. */
    void recountPendingCities() {
        submit(this::recountCities);
    }

    /** Whether no recount is waiting or running. */
    boolean idle() {
        return underway == 0;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private synchronized void submit(Runnable recount) {
        underway++;
        worker.execute(() -> {
            try {
                recount.run();
            } catch (RuntimeException e) {
                LOG.error("Statistics recount failed; it is taken up again at the next start", e);
            } finally {
                done();
            }
        });
    }

    private synchronized void done() {
        underway--;
    }

    private void recountCities() {
        record Pending(long cityId, Instant requestedAt) {
        }
        List<Pending> pending = transactions.executeRead(s -> db.query(
                "SELECT city_id, requested_at FROM stats_rollup_recounts ORDER BY requested_at",
                rs -> new Pending(rs.getLong(1), Db.getInstant(rs, "requested_at"))));
        for (Pending city : pending) {
            Instant begun = Instant.now();
            sources.forEach(source -> recount(source, city.cityId()));
            // a zone changed again meanwhile moved requested_at: that city stays owed, and is counted once more
            int finished = transactions.executeWrite(s -> db.update("DELETE FROM stats_rollup_recounts WHERE city_id = ? AND requested_at = ?",
                    city.cityId(), city.requestedAt()));
            LOG.info("Statistics of city {} recounted in its new time zone in {} ms", city.cityId(),
                    Instant.now().toEpochMilli() - begun.toEpochMilli());
            if (finished == 0) {
                recountCities();
                return;
            }
        }
    }

    /** Every row of the source (of one city, or all), in id order, a chunk a transaction. */
    private void recount(Source source, Long cityId) {
        String ofCity = cityId == null ? "" : " AND city_id = " + cityId;
        long after = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long from = after;
            List<Long> chunk = transactions.executeRead(s -> db.query("SELECT id FROM " + source.table() + " WHERE id > ?" + ofCity
                    + " ORDER BY id LIMIT " + CHUNK, rs -> rs.getLong(1), from));
            if (chunk.isEmpty()) {
                return;
            }
            List<Long> busy = transactions.executeWrite(s -> {
                List<Long> locked = db.query("SELECT id FROM " + source.table() + " WHERE id = ANY (?::bigint[]) ORDER BY id "
                        + "FOR UPDATE SKIP LOCKED", rs -> rs.getLong(1), chunk);
                source.refresh().accept(locked);
                Set<Long> skipped = new HashSet<>(chunk);
                locked.forEach(skipped::remove);
                return new ArrayList<>(skipped);
            });
            // rows a writer held: one at a time, so that waiting for that writer can close no cycle of locks
            busy.forEach(id -> transactions.executeWrite(s -> {
                db.query("SELECT id FROM " + source.table() + " WHERE id = ? FOR UPDATE", rs -> 1, id);
                source.refresh().accept(List.of(id));
                return null;
            }));
            after = chunk.get(chunk.size() - 1);
        }
    }
}

package org.callcentre.crm.calls.ingest;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.bootstrap.EmbeddedDatabases;
import org.callcentre.crm.testing.TestData;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code call_events} is partitioned by month on the event's time (issue 17 item 3, V281): events
 * land in their month's partition, one per (source, event id, time); months past the retention are
 * dropped whole, and an event older than what is kept is not stored again.
 */
@MicronautTest(transactional = false)
@Property(name = "crm.call-events.retention-months", value = "3")
class CallEventPartitionsTest {
    private static final YearMonth NOW = YearMonth.now(ZoneOffset.UTC);

    @Inject
    TestData data;
    @Inject
    CallEventStore store;
    @Inject
    CallEventPartitions partitions;

    @BeforeEach
    void setUp() {
        data.reset();
    }

    @Test
    void eventsLandInTheirMonthsPartitionAndTheNextMonthsAreMadeAhead() {
        assertEquals("p", data.db().queryOne("SELECT relkind::text FROM pg_class WHERE relname = 'call_events'", rs -> rs.getString(1))
                .orElseThrow(), "a partitioned table");
        for (int i = 0; i <= CallEventPartitions.MONTHS_AHEAD; i++) {
            assertTrue(exists(partition(NOW.plusMonths(i))), partition(NOW.plusMonths(i)));
        }
        Instant now = Instant.now();
        store.append("ami", List.of(event("now-1", now)));
        assertEquals(partition(NOW), data.db().queryOne("SELECT tableoid::regclass::text FROM call_events WHERE event_id = 'now-1'",
                rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void anEventIsStoredOncePerSourceEventIdAndTime() {
        Instant at = Instant.now();
        assertEquals(Set.of("e-1", "e-2"), store.append("ami", List.of(event("e-1", at), event("e-2", at))));
        assertEquals(Set.of(), store.append("ami", List.of(event("e-1", at), event("e-2", at))), "a redelivery is not new");
        assertEquals(Set.of("e-1"), store.append("mango", List.of(event("e-1", at))), "another source's id is another event");
        assertEquals(3, data.count("call_events"));
    }

    @Test
    void monthsPastRetentionAreDroppedWholeAndTheirLateEventsAreNotStoredAgain() {
        YearMonth old = NOW.minusMonths(5);
        YearMonth kept = NOW.minusMonths(1);
        partitions.create(old);
        partitions.create(kept);
        Instant inOld = old.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant inKept = kept.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant longAgo = NOW.minusYears(3).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        store.append("ami", List.of(event("old", inOld), event("kept", inKept), event("long-ago", longAgo)));
        assertEquals("call_events_default", data.db().queryOne("SELECT tableoid::regclass::text FROM call_events WHERE event_id = 'long-ago'",
                rs -> rs.getString(1)).orElseThrow(), "a month without a partition waits in the default one");

        partitions.maintain();

        assertFalse(exists(partition(old)), "five months back is past three months' retention");
        assertTrue(exists(partition(kept)));
        assertEquals(List.of("kept"), data.db().query("SELECT event_id FROM call_events ORDER BY event_id", rs -> rs.getString(1)));
        assertEquals(NOW.minusMonths(3).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                data.db().queryOne("SELECT kept_from FROM call_events_horizon", rs -> rs.getTimestamp(1).toInstant()).orElseThrow());

        assertEquals(Set.of(), store.append("ami", List.of(event("old", inOld))), "a late redelivery past the horizon is not stored");
        assertEquals(Set.of("new"), store.append("ami", List.of(event("new", Instant.now()))));
        assertEquals(2, data.count("call_events"));
    }

    @Test
    void aMonthsEventsThatWaitedInTheDefaultPartitionMoveIntoItsPartitionWhenItIsMade() {
        YearMonth later = NOW.plusMonths(CallEventPartitions.MONTHS_AHEAD + 2);
        Instant at = later.atDay(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        store.append("ami", List.of(event("early-bird", at)));
        partitions.create(later);
        assertEquals(partition(later), data.db().queryOne("SELECT tableoid::regclass::text FROM call_events WHERE event_id = 'early-bird'",
                rs -> rs.getString(1)).orElseThrow());
        data.db().update("DROP TABLE " + partition(later));
    }

    /** V281 on a database holding events in the table before it: every row is kept, in its month. */
    @Test
    void theMigrationMovesTheEventsOfTheTableBeforeIntoMonthPartitions() throws Exception {
        String url = EmbeddedDatabases.create("call_events_migration");
        try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("280").load().migrate();
        try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement()) {
            s.execute("INSERT INTO call_events (source, call_key, event_id, occurred_at, payload) VALUES "
                    + "('ami', 'c1', 'a', '2024-01-31T23:30:00Z', '{}'), ('ami', 'c1', 'b', '2024-02-01T00:10:00Z', '{}'), "
                    + "('mango', 'c2', 'a', '2025-07-15T12:00:00Z', '{}')");
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("281").load().migrate();
        try (Connection db = DriverManager.getConnection(url); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT source || ':' || event_id || '@' || tableoid::regclass FROM call_events ORDER BY id")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            assertEquals(List.of("ami:a@call_events_202401", "ami:b@call_events_202402", "mango:a@call_events_202507"), rows);
            try (ResultSet next = s.executeQuery("SELECT nextval('call_events_id_seq')")) {
                next.next();
                assertEquals(4, next.getLong(1), "ids go on from the table before");
            }
        }
    }

    private boolean exists(String table) {
        return data.db().queryOne("SELECT to_regclass(?) IS NOT NULL", rs -> rs.getBoolean(1), table).orElse(false);
    }

    private static String partition(YearMonth month) {
        return "call_events_" + month.toString().replace("-", "");
    }

    private static CallEvent event(String id, Instant at) {
        return CallEvent.builder("ami", "call-" + id, id, at, CallEventKind.STARTED).build();
    }
}

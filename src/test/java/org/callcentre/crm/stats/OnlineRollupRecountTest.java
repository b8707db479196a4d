package org.callcentre.crm.stats;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.callcentre.crm.stats.RowFigures.INBOUND;
import static org.callcentre.crm.stats.RowFigures.number;
import static org.callcentre.crm.stats.StatsAccessTest.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rollups are counted again while the service serves (issue 17 item 1): after an admin changes
 * a city's time zone, and at start when the settings they were built with differ. Figures are held
 * to plain queries over the rows with the zone written out, and every rollup to the one-transaction
 * rebuild ({@link RollupRebuild}), a separate set of statements.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineRollupRecountTest {
    private static final LocalDate[] ACROSS_MONTHS = {LocalDate.parse("2025-01-20"), LocalDate.parse("2025-03-12")};

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    RollupRebuild rebuild;
    @Inject
    RollupRecount recount;
    @Inject
    RollupSettingsCheck settingsCheck;
    @Inject
    TransactionOperations<Connection> transactions;
    GeneratedCentre centre;
    Api admin;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(GeneratedCentre.NOW, ZoneOffset.UTC);
    }

    @BeforeEach
    void generate() {
        centre = new GeneratedCentre(data, GeneratedCentre.TWO_MONTHS);
        data.user("root", "admin", null, null);
        rebuild.rebuild();
        admin = new Api(client).login("root", TestData.PASSWORD);
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void aCityWhoseZoneChangesIsCountedInItsNewLocalDaysAndHours() throws Exception {
        // Vladivostok is UTC+10, Kaliningrad UTC+2: a third of the city's calls move to another local day
        assertNotEquals(inboundByDay("Asia/Vladivostok"), inboundByDay("Europe/Kaliningrad"), "the change must move calls between days");

        assertEquals(200, admin.put("/api/cities/" + centre.vladivostok, Map.of("timezone", "Europe/Kaliningrad")).status());
        RecountsDone.await(recount);

        assertEquals(inboundByDay("Europe/Kaliningrad"), citiesEndpointByDay(), "Vladivostok's inbound calls by local day");
        for (LocalDate[] range : List.of(ACROSS_MONTHS, new LocalDate[] {LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-28")})) {
            String dates = "startDate=" + range[0] + "&endDate=" + range[1];
            Map<String, Object> city = cityRow(dates);
            assertEquals(number(inbound("Europe/Kaliningrad", range[0], range[1])), number(city.get("inbound")), dates);
            StatusTime status = new StatusTime(data.db(), range[0], range[1], GeneratedCentre.NOW);
            for (Map<String, Object> row : admin.get("/api/stats/operators?city=" + encode("Владивосток") + "&" + dates).list()) {
                long operator = ((Number) row.get("operatorId")).longValue();
                assertEquals(number(status.of(operator, "working")), number(row.get("workingSeconds")), "operator " + operator + " " + dates);
            }
        }
        RollupSnapshot.assertSameAsRebuilt(data.db(), rebuild);
    }

    @Test
    void theStartUpRebuildCountsWhileTheServiceAnswersAndEndsWhereARebuildWould() throws Exception {
        data.db().update("UPDATE stats_rollup_settings SET service_level_seconds = service_level_seconds + 1");
        long heldCall = data.db().queryLong("SELECT max(id) FROM calls");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a writer holds one call row: the rebuild must count around it, then wait for it alone
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> transactions.executeWrite(status -> {
            data.db().query("SELECT id FROM calls WHERE id = ? FOR UPDATE", rs -> 1, heldCall);
            held.countDown();
            await(release);
            return null;
        }));
        await(held);

        settingsCheck.onStartup(null);
        assertFalse(recount.idle(), "the count goes on after the start-up check returned");
        assertEquals(200, admin.get("/api/stats/overall?startDate=2025-02-01&endDate=2025-02-28").status(), "reads are answered meanwhile");
        assertEquals(0, data.db().queryLong("SELECT count(*) FROM stats_rollup_settings"), "not finished while a row is held");

        release.countDown();
        writer.get(60, TimeUnit.SECONDS);
        RecountsDone.await(recount);
        assertEquals(1, data.db().queryLong("SELECT count(*) FROM stats_rollup_settings"));
        RollupSnapshot.assertSameAsRebuilt(data.db(), rebuild);
    }

    private Map<LocalDate, Long> inboundByDay(String zone) {
        Map<LocalDate, Long> days = new java.util.TreeMap<>();
        data.db().query("SELECT (c.created_at AT TIME ZONE ?)::date AS day, count(*) FROM calls c WHERE c.city_id = ? AND " + INBOUND
                + " GROUP BY 1", rs -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)), zone, centre.vladivostok);
        return days;
    }

    private long inbound(String zone, LocalDate first, LocalDate last) {
        return data.db().queryLong("SELECT count(*) FROM calls c WHERE c.city_id = ? AND " + INBOUND
                + " AND (c.created_at AT TIME ZONE ?)::date BETWEEN ? AND ?", centre.vladivostok, zone, first, last);
    }

    /** The city's inbound calls of every day its calls (in either zone) fall on, one request a day. */
    private Map<LocalDate, Long> citiesEndpointByDay() {
        Map<LocalDate, Long> days = new java.util.TreeMap<>();
        LocalDate first = centre.size.firstDay().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        for (LocalDate day = first; !day.isAfter(first.plusDays(centre.size.days() + 2)); day = day.plusDays(1)) {
            Map<String, Object> row = cityRow("startDate=" + day + "&endDate=" + day);
            if (row != null && ((Number) row.get("inbound")).longValue() > 0) {
                days.put(day, ((Number) row.get("inbound")).longValue());
            }
        }
        return days;
    }

    private Map<String, Object> cityRow(String dates) {
        return admin.get("/api/stats/cities?" + dates).list().stream().filter(r -> number(centre.vladivostok).equals(number(r.get("cityId"))))
                .findFirst().orElse(null);
    }


    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(60, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}

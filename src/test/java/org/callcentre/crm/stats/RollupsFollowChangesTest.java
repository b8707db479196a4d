package org.callcentre.crm.stats;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.MovableClock;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.callcentre.crm.stats.StatsAccessTest.encode;
import static org.callcentre.crm.stats.RowFigures.list;
import static org.callcentre.crm.stats.RowFigures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rollups follow every way their sources change — calls ingested from signed Mango webhooks
 * (ringing, answered, ended, corrected by a later summary that even moves the call to the day
 * before), orders created and moved through their statuses, work statuses switched — and after
 * each change the figures read over HTTP are the new ones (nothing stale in the cache), and the
 * rollups equal a rebuild from the source rows. Between changes answers come from the cache.
 */
@MicronautTest(transactional = false)
class RollupsFollowChangesTest {
    /** Kazan is on Moscow time: 00:00:05 on 11 March local. */
    private static final Instant JUST_AFTER_MIDNIGHT = Instant.parse("2025-03-10T21:00:05Z");
    private static final String DAYS = "startDate=2025-03-10&endDate=2025-03-11";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    RollupRebuild rebuild;
    @Inject
    Clock clock;
    MangoWebhooks mango;
    Api boss;

    @MockBean(Clock.class)
    Clock movableClock() {
        return new MovableClock(Instant.parse("2025-03-10T06:00:00Z"));
    }

    @BeforeEach
    void setUp() {
        data.reset();
        ScenarioRows.setUpDirectory(data);
        data.user("boss", "supervisor", null, null);
        mango = new MangoWebhooks(client, data.db());
        boss = new Api(client).login("boss", TestData.PASSWORD);
    }

    @Test
    void aCallCountsOnceFromAnswerOnAndMovesWithItsCorrectedStart() {
        long start = JUST_AFTER_MIDNIGHT.getEpochSecond();
        MangoLegs call = new MangoLegs(mango, "E1");
        call.post("A1", start, 1, "Appeared", null);
        call.post("B1", start + 10, 2, "Appeared", "101");
        mango.awaitApplied();
        assertEquals(Map.of("total", 0, "accepted", 0, "missed", 0, "acceptanceRate", 0.0), inboundCounts(),
                "a ringing call counts only once it is answered or over");
        RollupSnapshot.assertSameAsRebuilt(data.db(), rebuild);

        call.post("B1", start + 25, 3, "Connected", "101");
        mango.awaitApplied();
        assertEquals(Map.of("total", 1, "accepted", 1, "missed", 0, "acceptanceRate", 100.0), inboundCounts());
        assertEquals(List.of(day("2025-03-10", 0), day("2025-03-11", 1)), overall().get("dailyStats"));
        Map<String, Object> kpi = kpiTotals();
        assertEquals(25.0, kpi.get("asaSeconds"), "waited from the first event to the answer");
        assertEquals(0.0, kpi.get("serviceLevel"), "25 s is over the 20 s threshold");
        assertEquals(30.0, kpi.get("ahtSeconds"), "no talk yet: only the wrap-up");
        RollupSnapshot.assertSameAsRebuilt(data.db(), rebuild);

        call.post("B1", start + 125, 4, "Disconnected", "101");
        call.post("A1", start + 125, 5, "Disconnected", null);
        mango.awaitApplied();
        assertEquals(130.0, kpiTotals().get("ahtSeconds"), "100 s of talk and 30 s of wrap-up");

        // Mango's summary comes last and has the PBX's own account: the call began 10 s earlier, on 10 March.
        assertEquals(200, mango.post("events/summary", """
                {"entry_id":"E1","call_direction":1,"from":{"number":"79161234567"},"to":{"extension":"101"},\
                "line_number":"78432507713","create_time":%d,"forward_time":0,"talk_time":%d,"end_time":%d,\
                "entry_result":1,"disconnect_reason":1100}""".formatted(start - 10, start + 12, start + 125)));
        mango.awaitApplied();
        assertEquals(List.of(day("2025-03-10", 1), day("2025-03-11", 0)), overall().get("dailyStats"));
        kpi = kpiTotals();
        assertEquals(22.0, kpi.get("asaSeconds"), "the summary's wait: talk_time − create_time");
        assertEquals(143.0, kpi.get("ahtSeconds"), "113 s of talk and 30 s of wrap-up");
        Map<String, Object> byHour23 = hour(23);
        assertEquals(1, byHour23.get("answered"), "the call now began at 23:59:55 local");
        assertEquals(0, hour(0).get("answered"));
        Map<String, Object> operator = operatorRow("op101");
        assertEquals(1, operator.get("callsTotal"));
        assertEquals(113, operator.get("talkSeconds"));
        RollupSnapshot.assertSameAsRebuilt(data.db(), rebuild);

        // A caller who gave up after 8 s in the queue, told by the summary alone.
        assertEquals(200, mango.summary("E2", "79160000002", start + 3600, 0, start + 3608, null));
        mango.awaitApplied();
        assertEquals(Map.of("total", 2, "accepted", 1, "missed", 1, "acceptanceRate", 50.0), inboundCounts());
        kpi = kpiTotals();
        assertEquals(1, kpi.get("abandoned"));
        assertEquals(50.0, kpi.get("abandonmentRate"));
        assertEquals(0.0, kpi.get("serviceLevel2"), "answered after 22 s, abandoned after 8 s: 0 ÷ (1 + 0)");
        assertEquals(100.0, map(boss.get("/api/stats/kpi?threshold=22&" + DAYS).data().get("totals")).get("serviceLevel"),
                "within a 22 s threshold");
        RollupSnapshot.assertSameAsRebuilt(data.db(), rebuild);
    }

    @Test
    void anOrderCountsOnItsDayUnderItsCurrentStatus() {
        Api olga = new Api(client).login("op101", TestData.PASSWORD);
        String days = around(LocalDate.now(ZoneId.of("Europe/Moscow")));
        assertEquals(0, orders(olga.get("/api/stats/my?" + days).data()).get("total"));

        Api.Reply created = olga.post("/api/orders", Map.of("phone", "+79161234567", "rk", "KZN-AVITO"));
        assertEquals(201, created.status(), created.toString());
        long id = ((Number) created.data().get("id")).longValue();
        Map<String, Object> orders = orders(olga.get("/api/stats/my?" + days).data());
        assertEquals(1, orders.get("total"));
        assertEquals(1, map(orders.get("byStatus")).get("new"));

        for (String status : List.of("assigned", "in_progress")) {
            assertEquals(200, boss.patch("/api/orders/" + id, Map.of("status", status)).status());
        }
        assertEquals(200, boss.patch("/api/orders/" + id, Map.of("status", "completed", "result", 5000, "expenditure", 1799.5, "clean", 3200.5)).status());
        orders = orders(olga.get("/api/stats/my?" + days).data());
        assertEquals(Map.of("new", 0, "assigned", 0, "in_progress", 0, "completed", 1, "cancelled", 0), orders.get("byStatus"));
        Map<String, Object> row = operatorRow("op101", days);
        assertEquals(1, row.get("ordersCompleted"));
        assertEquals(5000, ((Number) row.get("revenue")).intValue());
        assertEquals(3200.5, ((Number) row.get("clean")).doubleValue());
        Map<String, Object> campaign = boss.get("/api/stats/campaigns?" + days).list().stream()
                .filter(c -> "KZN-AVITO".equals(c.get("rk"))).findFirst().orElseThrow();
        assertEquals(1, campaign.get("ordersCompleted"));
        RollupSnapshot.assertSameAsRebuilt(data.db(), rebuild);
    }

    @Test
    void answersAreCachedUntilAWriteTouchesTheirDays() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        String days = around(today);
        assertEquals(0, orders(boss.get("/api/stats/overall?" + days).data()).get("total"));
        // planted behind the application's back: no change is heard of, so the cached answer stands
        data.db().update("INSERT INTO stats_order_centre_day (day, orders) VALUES (?, 100)", today);
        assertEquals(0, orders(boss.get("/api/stats/overall?" + days).data()).get("total"));

        Api olga = new Api(client).login("op101", TestData.PASSWORD);
        assertEquals(201, olga.post("/api/orders", Map.of("phone", "+79161234567")).status());
        assertEquals(101, orders(boss.get("/api/stats/overall?" + days).data()).get("total"),
                "the order's day was read afresh, planted rows and all");
    }

    @Test
    void workStatusTimeCountsClosedPeriodsAndTheOpenOneUpToNow() {
        MovableClock time = (MovableClock) clock;
        time.set(Instant.parse("2025-03-10T06:00:00Z"));
        Api olga = new Api(client).login("op101", TestData.PASSWORD);
        setStatus(olga, "working");
        time.advance(Duration.ofHours(1));
        setStatus(olga, "break");
        time.advance(Duration.ofMinutes(10));
        setStatus(olga, "working");
        time.advance(Duration.ofMinutes(30));

        String day = "startDate=2025-03-10&endDate=2025-03-10&city=" + encode("Казань");
        Map<String, Object> row = operatorRow("op101", day);
        assertEquals(5400, row.get("workingSeconds"), "an hour, then the open half hour");
        assertEquals(600, row.get("breakSeconds"));
        Map<String, Object> kpi = map(boss.get("/api/stats/kpi?" + day).data().get("totals"));
        assertEquals(5400, kpi.get("workingSeconds"));
        assertEquals(0.0, kpi.get("occupancy"), "no calls handled");
        RollupSnapshot.assertSameAsRebuilt(data.db(), rebuild);

        time.advance(Duration.ofMinutes(15));
        assertEquals(6300, operatorRow("op101", day).get("workingSeconds"), "the open period grows with the clock");
    }

    private void setStatus(Api who, String status) {
        assertEquals(200, who.put("/api/operators/me/status", Map.of("statusWork", status)).status());
    }

    private Map<String, Object> overall() {
        return boss.get("/api/stats/overall?" + DAYS).data();
    }

    /** The overall inbound counts (talk and handling time are checked against the rows in StatsMatchTheRowsTest). */
    private Map<String, Object> inboundCounts() {
        Map<String, Object> calls = new HashMap<>(map(overall().get("calls")));
        calls.keySet().retainAll(List.of("total", "accepted", "missed", "acceptanceRate"));
        return calls;
    }

    private Map<String, Object> kpiTotals() {
        return map(boss.get("/api/stats/kpi?" + DAYS).data().get("totals"));
    }

    private Map<String, Object> hour(int hour) {
        List<Map<String, Object>> hours = list(boss.get("/api/stats/kpi?" + DAYS).data().get("byHour"));
        return hours.get(hour);
    }

    private Map<String, Object> operatorRow(String login) {
        return operatorRow(login, DAYS);
    }

    private Map<String, Object> operatorRow(String login, String query) {
        return boss.get("/api/stats/operators?" + query).list().stream()
                .filter(r -> ("User " + login).equals(r.get("name"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> day(String date, int calls) {
        return Map.of("date", date, "calls", calls, "orders", 0);
    }

    private static String around(LocalDate today) {
        return "startDate=" + today.minusDays(1) + "&endDate=" + today.plusDays(1);
    }

    private static Map<String, Object> orders(Map<String, Object> stats) {
        return map(stats.get("orders"));
    }
}

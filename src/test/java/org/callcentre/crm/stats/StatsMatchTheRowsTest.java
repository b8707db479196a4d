package org.callcentre.crm.stats;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.callcentre.crm.stats.RowFigures.ABANDONED;
import static org.callcentre.crm.stats.RowFigures.ANSWERED;
import static org.callcentre.crm.stats.RowFigures.CALLS;
import static org.callcentre.crm.stats.RowFigures.CALL_LOCAL;
import static org.callcentre.crm.stats.RowFigures.HANDLED;
import static org.callcentre.crm.stats.RowFigures.INBOUND;
import static org.callcentre.crm.stats.RowFigures.ORDERS;
import static org.callcentre.crm.stats.RowFigures.ORDER_DAY;
import static org.callcentre.crm.stats.RowFigures.assertFigures;
import static org.callcentre.crm.stats.RowFigures.number;
import static org.callcentre.crm.stats.StatsAccessTest.encode;
import static org.callcentre.crm.stats.RowFigures.list;
import static org.callcentre.crm.stats.RowFigures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance point 1: on two months of generated rows, loaded straight into the tables and
 * counted by the rollup rebuild (the V81 backfill), every figure of every endpoint equals what a
 * plain query over calls, orders and the status history (or Java over its rows) gives. The clock
 * stands at {@link GeneratedCentre#NOW}, so open work-status periods count up to the same instant
 * on both sides.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsMatchTheRowsTest {
    private static final LocalDate FEBRUARY_1 = LocalDate.parse("2025-02-01");
    private static final LocalDate FEBRUARY_28 = LocalDate.parse("2025-02-28");
    /** Ends today, so that the open work-status periods count. */
    private static final LocalDate MARCH_10 = LocalDate.parse("2025-03-10");
    private static final LocalDate MARCH_20 = LocalDate.parse("2025-03-20");
    /**
     * Read as its head days (January 20–31), a whole month (February) and its tail days (March
     * 1–12) from the day and month rollups (issue 17); February alone is a month only, March 10–20
     * days only.
     */
    private static final LocalDate[] ACROSS_MONTHS = {LocalDate.parse("2025-01-20"), LocalDate.parse("2025-03-12")};

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    RollupRebuild rollups;
    @Inject
    StatsSettings settings;
    GeneratedCentre centre;
    List<Long> dispositions;
    RowFigures rows;
    Api boss;

    @MockBean(Clock.class)
    Clock clock() {
        return Clock.fixed(GeneratedCentre.NOW, ZoneOffset.UTC);
    }

    @BeforeAll
    void generate() {
        centre = new GeneratedCentre(data, GeneratedCentre.TWO_MONTHS);
        // two dispositions over the answered calls, so that the list by disposition has figures to match
        dispositions = List.of(data.resultCode("disposition", "Оформлен заказ"), data.resultCode("disposition", "Консультация"));
        data.db().update("UPDATE calls SET disposition_id = CASE WHEN id % 3 = 0 THEN ? WHEN id % 3 = 1 THEN ? END "
                + "WHERE status = 'answered'", dispositions.get(0), dispositions.get(1));
        rollups.rebuild();
        rows = new RowFigures(data.db());
        boss = new Api(client).login("boss", TestData.PASSWORD);
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void overallFiguresAndDaysMatchTheRows() {
        for (LocalDate[] range : ranges()) {
            assertPeriod(boss.get("/api/stats/overall?" + dates(range)).data(), range, "TRUE", "TRUE");
        }
    }

    @Test
    void eachOperatorsFiguresAndDaysMatchTheRows() {
        for (long operator : centre.operators) {
            for (LocalDate[] range : ranges()) {
                Map<String, Object> stats = boss.get("/api/stats/operator/" + operator + "?" + dates(range)).data();
                assertPeriod(stats, range, "c.operator_id = " + operator, "o.operator_id = " + operator);
            }
        }
        // an operator's own figures are the same, however they ask
        Api op0 = new Api(client).login("op0", TestData.PASSWORD);
        String march = dates(new LocalDate[] {MARCH_10, MARCH_20});
        assertEquals(boss.get("/api/stats/operator/" + centre.operators.get(0) + "?" + march).data(),
                op0.get("/api/stats/my?" + march).data());
    }

    @Test
    void operatorRowsMatchTheRowsWithTimeInEachStatus() {
        for (LocalDate[] range : ranges()) {
            operatorRowsMatchTheRows(range);
        }
    }

    /**
     * The lists of every operator and every campaign read ranges as single days and aligned spans
     * of 2–128 days (StatsPeriod.spans): ranges whose ends fall anywhere across month boundaries,
     * one of them from before the first call, give the figures of the rows.
     */
    @Test
    void operatorAndCampaignListsOfRangesWithAnyEndsAcrossMonthsMatchTheRows() {
        for (LocalDate[] range : new LocalDate[][] {{LocalDate.parse("2025-01-03"), LocalDate.parse("2025-03-09")},
                {LocalDate.parse("2025-01-31"), LocalDate.parse("2025-02-01")}, {LocalDate.parse("2025-02-13"), LocalDate.parse("2025-03-03")}}) {
            operatorRowsMatchTheRows(range);
            citiesAndCampaignsMatchTheRows(range);
        }
    }

    /** The list by disposition reads single days and aligned spans too: ranges across months give the rows' figures. */
    @Test
    void dispositionListsOfRangesAcrossMonthsMatchTheRows() {
        for (LocalDate[] range : new LocalDate[][] {{LocalDate.parse("2025-01-03"), LocalDate.parse("2025-03-09")},
                {LocalDate.parse("2025-01-31"), LocalDate.parse("2025-02-01")}, ACROSS_MONTHS}) {
            List<Map<String, Object>> listed = boss.get("/api/stats/dispositions?" + dates(range)).list();
            assertEquals(2, listed.size());
            for (Map<String, Object> code : listed) {
                Map<String, Object> row = rows.row("SELECT count(*) AS count, round(avg(c.talk_seconds)) AS average FROM " + CALLS
                        + " WHERE " + CALL_LOCAL + "::date BETWEEN ? AND ? AND " + HANDLED + " AND c.disposition_id = ?",
                        range[0], range[1], number(code.get("id")).longValue());
                String what = code.get("name") + " " + range[0] + ".." + range[1];
                assertTrue(number(row.get("count")).longValue() > 0, "the range holds calls of " + what);
                assertEquals(number(row.get("count")).longValue(), number(code.get("count")).longValue(), what);
                assertEquals(number(row.get("average")).longValue(), number(code.get("averageTalkSeconds")).longValue(), what);
            }
        }
    }

    private void operatorRowsMatchTheRows(LocalDate[] range) {
        StatusTime status = new StatusTime(data.db(), range[0], range[1], GeneratedCentre.NOW);
        List<Map<String, Object>> list = boss.get("/api/stats/operators?" + dates(range)).list();
        assertEquals(centre.operators, list.stream().map(r -> ((Number) r.get("operatorId")).longValue()).toList(),
                "every operator, by name");
        for (Map<String, Object> row : list) {
            long operator = ((Number) row.get("operatorId")).longValue();
            assertFigures(operatorCalls(range, operator), row, "calls of operator " + operator);
            assertFigures(operatorOrders(range, operator), row, "orders of operator " + operator);
            assertFigures(Map.of("working_seconds", status.of(operator, "working"), "break_seconds", status.of(operator, "break"),
                    "offline_seconds", status.of(operator, "offline")), row, "time in status of operator " + operator);
        }
    }

    @Test
    void operatorsOfOneCitySortByAnyFigure() {
        String range = dates(new LocalDate[] {FEBRUARY_1, FEBRUARY_28});
        List<Map<String, Object>> novosibirsk = boss.get("/api/stats/operators?city=" + encode("Новосибирск") + "&" + range).list();
        assertEquals(List.of(centre.operators.get(1), centre.operators.get(4)),
                novosibirsk.stream().map(r -> ((Number) r.get("operatorId")).longValue()).toList());
        for (String sort : List.of("callsTotal", "asaSeconds", "revenue", "workingSeconds")) {
            List<BigDecimal> descending = boss.get("/api/stats/operators?sort=" + sort + "&" + range).list().stream()
                    .map(r -> number(r.get(sort))).toList();
            assertEquals(descending.stream().sorted(Comparator.reverseOrder()).toList(), descending, sort);
            List<BigDecimal> ascending = boss.get("/api/stats/operators?order=asc&sort=" + sort + "&" + range).list().stream()
                    .map(r -> number(r.get(sort))).toList();
            assertEquals(descending.stream().sorted().toList(), ascending, sort + " asc");
        }
    }

    @Test
    void kpiOfTheWholeCentreMatchesTheRowsHourByHour() {
        for (LocalDate[] range : ranges()) {
            assertKpi(boss.get("/api/stats/kpi?" + dates(range)).data(), range, null, null, settings.serviceLevelSeconds());
        }
    }

    @Test
    void kpiOfOneCityOneCampaignAndAnotherThresholdMatchTheRows() {
        LocalDate[] february = {FEBRUARY_1, FEBRUARY_28};
        LocalDate[] march = {MARCH_10, MARCH_20};
        assertKpi(boss.get("/api/stats/kpi?city=" + encode("Владивосток") + "&" + dates(march)).data(), march,
                centre.vladivostok, null, 20);
        Map<String, Object> campaign = boss.get("/api/stats/kpi?rk=rk4&" + dates(february)).data();
        assertKpi(campaign, february, null, "rk4", 20);
        assertEquals(null, kpi(campaign).get("occupancy"), "operators' time is not kept per campaign");
        Map<String, Object> thirty = boss.get("/api/stats/kpi?threshold=30&" + dates(february)).data();
        assertEquals(30, thirty.get("serviceLevelSeconds"));
        assertKpi(thirty, february, null, null, 30);
    }

    @Test
    void citiesAndCampaignsMatchTheRows() {
        citiesAndCampaignsMatchTheRows(new LocalDate[] {FEBRUARY_1, FEBRUARY_28});
    }

    @Test
    void rangesAcrossMonthBoundariesMatchTheRowsForCitiesCampaignsAndTheKpi() {
        citiesAndCampaignsMatchTheRows(ACROSS_MONTHS);
        assertKpi(boss.get("/api/stats/kpi?city=" + encode("Новосибирск") + "&" + dates(ACROSS_MONTHS)).data(), ACROSS_MONTHS,
                centre.novosibirsk, null, settings.serviceLevelSeconds());
        assertKpi(boss.get("/api/stats/kpi?rk=rk4&" + dates(ACROSS_MONTHS)).data(), ACROSS_MONTHS, null, "rk4", settings.serviceLevelSeconds());
        // no whole month: every day from the day rollups, across the boundary
        LocalDate[] noWholeMonth = {LocalDate.parse("2025-01-25"), LocalDate.parse("2025-02-10")};
        assertKpi(boss.get("/api/stats/kpi?" + dates(noWholeMonth)).data(), noWholeMonth, null, null, settings.serviceLevelSeconds());
    }

    private void citiesAndCampaignsMatchTheRows(LocalDate[] range) {
        List<Map<String, Object>> cities = boss.get("/api/stats/cities?" + dates(range)).list();
        List<Map<String, Object>> expected = rows.rows("SELECT coalesce(calls.city_id, orders.city_id) AS city_id, inbound, "
                + "answered, missed, acceptance_rate, coalesce(orders, 0) AS orders, coalesce(orders_completed, 0) AS orders_completed, "
                + "coalesce(revenue, 0) AS revenue FROM (" + sourceCalls("c.city_id", range) + ") calls "
                + "FULL JOIN (" + sourceOrders("o.city_id", range) + ") orders ON orders.city_id = calls.city_id "
                + "ORDER BY city_id NULLS LAST");
        assertEquals(4, cities.size(), "three cities and the calls of none: " + cities);
        assertEquals(expected.size(), cities.size());
        for (Map<String, Object> city : cities) {
            Object id = city.get("cityId");
            Map<String, Object> row = expected.stream().filter(e -> number(e.get("city_id")).equals(number(id))).findFirst().orElseThrow();
            assertFigures(row, city, "city " + city.get("city"));
        }

        List<Map<String, Object>> campaigns = boss.get("/api/stats/campaigns?" + dates(range)).list();
        List<Map<String, Object>> expectedCampaigns = rows.rows("SELECT coalesce(calls.rk, orders.rk) AS rk, inbound, answered, "
                + "missed, acceptance_rate, coalesce(orders, 0) AS orders, coalesce(orders_completed, 0) AS orders_completed, "
                + "coalesce(revenue, 0) AS revenue FROM (" + sourceCalls("c.rk", range).replace("c.rk AS city_id", "c.rk AS rk")
                + ") calls FULL JOIN (" + sourceOrders("o.rk", range).replace("o.rk AS city_id", "o.rk AS rk")
                + ") orders ON coalesce(orders.rk, '') = coalesce(calls.rk, '')");
        assertEquals(7, campaigns.size(), "six campaigns and what came through none: " + campaigns);
        for (Map<String, Object> campaign : campaigns) {
            Map<String, Object> row = new LinkedHashMap<>(expectedCampaigns.stream()
                    .filter(e -> Objects.equals(e.get("rk"), campaign.get("rk"))).findFirst().orElseThrow());
            row.remove("rk");
            assertFigures(row, campaign, "campaign " + campaign.get("rk"));
        }
        assertEquals("yandex", campaigns.stream().filter(c -> "rk1".equals(c.get("rk"))).findFirst().orElseThrow().get("source"));
    }

    private void assertPeriod(Map<String, Object> stats, LocalDate[] range, String callFilter, String orderFilter) {
        String what = range[0] + ".." + range[1] + " where " + callFilter;
        String callsInRange = " FROM " + CALLS + " WHERE " + CALL_LOCAL + "::date BETWEEN ? AND ? AND " + callFilter;
        assertFigures(rows.row("SELECT count(*) FILTER (WHERE " + INBOUND + ") AS total, count(*) FILTER (WHERE " + ANSWERED
                + ") AS accepted, count(*) FILTER (WHERE " + INBOUND + " AND c.status <> 'answered') AS missed, "
                + "coalesce(round(100.0 * count(*) FILTER (WHERE " + ANSWERED + ") / nullif(count(*) FILTER (WHERE " + INBOUND
                + "), 0), 1), 0) AS acceptance_rate, "
                + "coalesce(round(avg(c.talk_seconds) FILTER (WHERE " + HANDLED + "), 1), 0) AS average_talk_seconds, "
                + "coalesce(round(avg(c.talk_seconds + c.hold_seconds + ?) FILTER (WHERE " + HANDLED + "), 1), 0) AS aht_seconds"
                + callsInRange, settings.wrapUpSeconds(), range[0], range[1]), map(stats.get("calls")), what);
        assertFigures(rows.row("SELECT count(*) FILTER (WHERE c.direction = 'outbound' AND c.status <> 'ringing') AS total, "
                + "count(*) FILTER (WHERE c.direction = 'outbound' AND c.status = 'answered') AS answered" + callsInRange,
                range[0], range[1]), map(stats.get("outbound")), what);

        String ordersInRange = " FROM " + ORDERS + " WHERE " + ORDER_DAY + " BETWEEN ? AND ? AND " + orderFilter;
        Map<String, Object> orders = map(stats.get("orders"));
        assertFigures(rows.row("SELECT count(*) AS total, coalesce(sum(o.result) FILTER (WHERE o.status = 'completed'), 0) AS revenue"
                + ordersInRange, range[0], range[1]), orders, what);
        Map<String, Object> byStatus = new LinkedHashMap<>(Map.of("new", 0, "assigned", 0, "in_progress", 0, "completed", 0, "cancelled", 0));
        rows.rows("SELECT o.status, count(*) AS n" + ordersInRange + " GROUP BY o.status", range[0], range[1])
                .forEach(r -> byStatus.put((String) r.get("status"), r.get("n")));
        byStatus.forEach((status, n) -> assertEquals(number(n), number(map(orders.get("byStatus")).get(status)), what + " " + status));

        Map<String, Map<String, Object>> days = new LinkedHashMap<>();
        range[0].datesUntil(range[1].plusDays(1)).forEach(day -> days.put(day.toString(), new LinkedHashMap<>(Map.of("calls", 0, "orders", 0))));
        rows.rows("SELECT (" + CALL_LOCAL + "::date)::text AS day, count(*) FILTER (WHERE " + INBOUND + ") AS n" + callsInRange
                + " GROUP BY 1", range[0], range[1]).forEach(r -> days.get((String) r.get("day")).put("calls", r.get("n")));
        rows.rows("SELECT (" + ORDER_DAY + ")::text AS day, count(*) AS n" + ordersInRange + " GROUP BY 1", range[0], range[1])
                .forEach(r -> days.get((String) r.get("day")).put("orders", r.get("n")));
        List<Map<String, Object>> daily = list(stats.get("dailyStats"));
        assertEquals(new ArrayList<>(days.keySet()), daily.stream().map(d -> d.get("date")).toList(), what + ": every day");
        for (Map<String, Object> day : daily) {
            Map<String, Object> expected = days.get((String) day.get("date"));
            assertEquals(number(expected.get("calls")), number(day.get("calls")), what + " calls on " + day.get("date"));
            assertEquals(number(expected.get("orders")), number(day.get("orders")), what + " orders on " + day.get("date"));
        }
    }

    private Map<String, Object> operatorCalls(LocalDate[] range, long operator) {
        return rows.row("SELECT count(*) FILTER (WHERE " + INBOUND + ") AS calls_total, count(*) FILTER (WHERE " + ANSWERED
                + ") AS accepted, count(*) FILTER (WHERE " + INBOUND + " AND c.status <> 'answered') AS missed, "
                + "coalesce(round(100.0 * count(*) FILTER (WHERE " + ANSWERED + ") / nullif(count(*) FILTER (WHERE " + INBOUND
                + "), 0), 1), 0) AS acceptance_rate, "
                + "coalesce(round(avg(c.wait_seconds) FILTER (WHERE " + ANSWERED + "), 1), 0) AS asa_seconds, "
                + "coalesce(round(avg(c.talk_seconds + c.hold_seconds + ?) FILTER (WHERE " + HANDLED + "), 1), 0) AS aht_seconds, "
                + "coalesce(sum(c.talk_seconds) FILTER (WHERE " + HANDLED + "), 0) AS talk_seconds, "
                + "count(*) FILTER (WHERE c.direction = 'outbound' AND c.status <> 'ringing') AS outbound_total, "
                + "count(*) FILTER (WHERE c.direction = 'outbound' AND c.status = 'answered') AS outbound_answered "
                + "FROM " + CALLS + " WHERE " + CALL_LOCAL + "::date BETWEEN ? AND ? AND c.operator_id = ?",
                settings.wrapUpSeconds(), range[0], range[1], operator);
    }

    private Map<String, Object> operatorOrders(LocalDate[] range, long operator) {
        return rows.row("SELECT count(*) AS orders_created, count(*) FILTER (WHERE o.status = 'completed') AS orders_completed, "
                + "coalesce(sum(o.result) FILTER (WHERE o.status = 'completed'), 0) AS revenue, "
                + "coalesce(sum(o.clean) FILTER (WHERE o.status = 'completed'), 0) AS clean "
                + "FROM " + ORDERS + " WHERE " + ORDER_DAY + " BETWEEN ? AND ? AND o.operator_id = ?", range[0], range[1], operator);
    }

    /** Inbound calls of a range grouped by {@code key}, named city_id whatever it is. */
    private static String sourceCalls(String key, LocalDate[] range) {
        return "SELECT " + key + " AS city_id, count(*) FILTER (WHERE " + INBOUND + ") AS inbound, count(*) FILTER (WHERE "
                + ANSWERED + ") AS answered, count(*) FILTER (WHERE " + INBOUND + " AND c.status <> 'answered') AS missed, "
                + "coalesce(round(100.0 * count(*) FILTER (WHERE " + ANSWERED + ") / nullif(count(*) FILTER (WHERE " + INBOUND
                + "), 0), 1), 0) AS acceptance_rate FROM " + CALLS + " WHERE " + CALL_LOCAL + "::date BETWEEN '" + range[0]
                + "' AND '" + range[1] + "' GROUP BY " + key;
    }

    private static String sourceOrders(String key, LocalDate[] range) {
        return "SELECT " + key + " AS city_id, count(*) AS orders, count(*) FILTER (WHERE o.status = 'completed') AS orders_completed, "
                + "coalesce(sum(o.result) FILTER (WHERE o.status = 'completed'), 0) AS revenue FROM " + ORDERS + " WHERE "
                + ORDER_DAY + " BETWEEN '" + range[0] + "' AND '" + range[1] + "' GROUP BY " + key;
    }

    /** Compares the totals and every hour with the rows; occupancy against the Java walk of the status history. */
    private void assertKpi(Map<String, Object> report, LocalDate[] range, Long cityId, String rk, int threshold) {
        String filter = (cityId == null ? "" : " AND c.city_id = " + cityId) + (rk == null ? "" : " AND c.rk = '" + rk + "'");
        List<Map<String, Object>> expected = rows.rows("SELECT extract(hour FROM " + CALL_LOCAL + ")::int AS hour, "
                + "count(*) FILTER (WHERE " + INBOUND + ") AS inbound, count(*) FILTER (WHERE " + ANSWERED + ") AS answered, "
                + "count(*) FILTER (WHERE " + INBOUND + " AND c.status <> 'answered') AS missed, "
                + "count(*) FILTER (WHERE " + ABANDONED + ") AS abandoned, "
                + "count(*) FILTER (WHERE " + ABANDONED + " AND c.wait_seconds < ?) AS short_abandoned, "
                + "count(*) FILTER (WHERE " + ANSWERED + " AND c.wait_seconds <= ?) AS answered_within_threshold, "
                + "coalesce(round(100.0 * count(*) FILTER (WHERE " + ANSWERED + " AND c.wait_seconds <= ?) "
                + "  / nullif(count(*) FILTER (WHERE " + ANSWERED + "), 0), 1), 0) AS service_level, "
                + "coalesce(round(100.0 * count(*) FILTER (WHERE " + ANSWERED + " AND c.wait_seconds <= ?) "
                + "  / nullif(count(*) FILTER (WHERE " + ANSWERED + ") + count(*) FILTER (WHERE " + ABANDONED
                + " AND c.wait_seconds > ?), 0), 1), 0) AS service_level2, "
                + "coalesce(round(100.0 * count(*) FILTER (WHERE " + ABANDONED + " AND c.wait_seconds >= ?) "
                + "  / nullif(count(*) FILTER (WHERE " + INBOUND + ") - count(*) FILTER (WHERE " + ABANDONED
                + " AND c.wait_seconds < ?), 0), 1), 0) AS abandonment_rate, "
                + "coalesce(round(avg(c.wait_seconds) FILTER (WHERE " + ANSWERED + "), 1), 0) AS asa_seconds, "
                + "coalesce(round(avg(c.talk_seconds + c.hold_seconds + ?) FILTER (WHERE " + HANDLED + "), 1), 0) AS aht_seconds, "
                + "count(*) FILTER (WHERE " + HANDLED + ") AS handled, "
                + "coalesce(sum(c.talk_seconds + c.hold_seconds + ?) FILTER (WHERE " + HANDLED + "), 0) AS handling_seconds "
                + "FROM " + CALLS + " WHERE " + CALL_LOCAL + "::date BETWEEN ? AND ?" + filter
                + " GROUP BY GROUPING SETS ((1), ())",
                settings.shortAbandonSeconds(), threshold, threshold, threshold, threshold, settings.shortAbandonSeconds(),
                settings.shortAbandonSeconds(), settings.wrapUpSeconds(), settings.wrapUpSeconds(), range[0], range[1]);
        StatusTime status = new StatusTime(data.db(), range[0], range[1], GeneratedCentre.NOW);
        String what = "kpi " + range[0] + ".." + range[1] + filter + " threshold " + threshold;
        for (Map<String, Object> row : expected) {
            Integer hour = (Integer) row.get("hour");
            Map<String, Object> actual = hour == null ? kpi(report)
                    : list(report.get("byHour")).stream().filter(h -> hour.equals(h.get("hour"))).findFirst().orElseThrow();
            Map<String, Object> expectedRow = new LinkedHashMap<>(row);
            expectedRow.remove("hour");
            assertFigures(expectedRow, actual, what + " hour " + hour);
            if (rk == null) {
                long working = hour == null ? java.util.stream.IntStream.range(0, 24).mapToLong(h -> status.working(cityId, h)).sum()
                        : status.working(cityId, hour);
                long handling = number(row.get("handling_seconds")).longValueExact();
                long idle = Math.max(0, working - handling);
                BigDecimal occupancy = handling + idle == 0 ? BigDecimal.ZERO
                        : BigDecimal.valueOf(100 * handling).divide(BigDecimal.valueOf(handling + idle), 1, RoundingMode.HALF_UP);
                assertEquals(number(working), number(actual.get("workingSeconds")), what + " hour " + hour);
                assertEquals(occupancy.stripTrailingZeros(), number(actual.get("occupancy")), what + " occupancy hour " + hour);
            }
        }
        assertEquals(24, list(report.get("byHour")).size());
        assertTrue(number(kpi(report).get("inbound")).signum() > 0, what + " should have calls");
        assertTrue(rk != null || number(kpi(report).get("workingSeconds")).signum() > 0, what + " should have working time");
    }

    private static LocalDate[][] ranges() {
        return new LocalDate[][] {{FEBRUARY_1, FEBRUARY_28}, {MARCH_10, MARCH_20}, ACROSS_MONTHS};
    }

    private static String dates(LocalDate[] range) {
        return "startDate=" + range[0] + "&endDate=" + range[1];
    }

    private static Map<String, Object> kpi(Map<String, Object> report) {
        return map(report.get("totals"));
    }
}

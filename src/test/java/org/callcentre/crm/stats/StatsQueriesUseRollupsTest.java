package org.callcentre.crm.stats;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance point 4: on two years of calls, orders and status history (and the rollups built
 * from them), every statement the statistics endpoints read with, and every statement that keeps
 * the rollups, reads its table through an index: a month is a range of days on a rollup's day
 * index, a range across months its head and tail days there and its whole months on the month
 * twin's index (issue 17), the lists of every operator and campaign its days and aligned spans
 * (StatsPeriod.spans) on theirs, one operator or city its key, and no plan scans calls, orders, the
 * status history or a whole rollup.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsQueriesUseRollupsTest {
    private static final GeneratedCentre.Size TWO_YEARS =
            new GeneratedCentre.Size(45, 24, Instant.parse("2023-03-01T00:00:00Z"), 730, 300_000, 60_000);
    /**
     * Not the month rollups of cities and campaigns: a row per key and month, they are small enough
     * (here one or two pages; 372 and 2 400 rows a year at 10 M calls) that the planner rightly reads
     * them whole, and what a request reads of them is bounded by their keys and its months anyway.
     */
    private static final Set<String> NEVER_SCANNED = Stream.of(List.of("calls", "orders", "operator_status_history"),
            CallFacts.KEPT.tables(), OrderFacts.KEPT.tables(), StatusPieces.KIND.tables()).flatMap(List::stream)
            .filter(table -> !table.matches("stats_(call|order)_(city|campaign)_month")).collect(Collectors.toSet());

    @Inject
    TestData data;
    @Inject
    RollupRebuild rollups;
    @Inject
    StatsQueries queries;
    @Inject
    StatsSettings settings;
    GeneratedCentre centre;
    StatsPeriod january;
    /** Head days in December, January whole, tail days in February. */
    StatsPeriod acrossMonths;
    Instant now;
    IndexedReads plans;

    @BeforeAll
    void generateTwoYears() {
        centre = new GeneratedCentre(data, TWO_YEARS);
        rollups.rebuild();
        // As autovacuum would leave tables grown by inserts (see CallListUsesIndexesTest).
        data.db().update("CHECKPOINT");
        for (String table : List.of("calls", "orders", "operator_status_history")) {
            data.db().update("VACUUM ANALYZE " + table);
        }
        january = new StatsPeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), ZoneId.of("Europe/Moscow"));
        acrossMonths = new StatsPeriod(LocalDate.parse("2024-12-10"), LocalDate.parse("2025-02-20"), ZoneId.of("Europe/Moscow"));
        now = centre.now();
        plans = new IndexedReads(data.db(), NEVER_SCANNED);
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void statisticsReadRollupsThroughTheirIndexes() {
        long operator = centre.operators.get(7);
        Map<String, Sql> reads = new LinkedHashMap<>();
        reads.put("stats_call_operator_day", queries.operatorCallsByDay(operator, january));
        reads.put("stats_order_operator_day", queries.operatorOrdersByDay(operator, january));
        reads.put("stats_call_centre_day", queries.allCallsByDay(january));
        reads.put("stats_order_centre_day", queries.allOrdersByDay(january));
        assertAllUseIndexes(reads);

        for (Long city : Arrays.asList(null, centre.novosibirsk)) {
            assertComposedOfIndexedPieces(Map.of(
                    "stats_call_operator", queries.callsByOperator(acrossMonths, city),
                    "stats_order_operator", queries.ordersByOperator(acrossMonths, city),
                    "stats_status_operator", queries.statusByOperator(acrossMonths, city)), "_day", "_span");
        }
    }

    @Test
    void kpiReadsHourRollupsAndOtherThresholdsTheFactsOfTheDays() {
        assertComposedOfIndexedPieces(Map.of(
                "stats_call_centre", queries.callsByHour(acrossMonths, null, null),
                "stats_status_centre", queries.statusByHour(acrossMonths, null)), "_hour", "_month_hour");
        assertComposedOfIndexedPieces(Map.of(
                "stats_call_city", queries.callsByHour(acrossMonths, centre.vladivostok, null),
                "stats_status_city", queries.statusByHour(acrossMonths, centre.vladivostok)), "_hour", "_month_hour");
        assertComposedOfIndexedPieces(Map.of("stats_call_campaign", queries.callsByHour(acrossMonths, null, "rk5")), "_hour", "_month_hour");
        assertAllUseIndexes(Map.of("stats_call_facts", queries.withinThresholdByHour(january, null, null, 45)));
        assertAllUseIndexes(Map.of("stats_call_facts", queries.withinThresholdByHour(january, centre.vladivostok, null, 45)));
        assertAllUseIndexes(Map.of("stats_call_facts", queries.withinThresholdByHour(january, null, "rk5", 45)));
    }

    @Test
    void citiesReadCityDaysAndMonthsAndCampaignsTheirDaysAndSpans() {
        Map<String, Sql> reads = Map.of("stats_call_city", queries.callsByCity(acrossMonths),
                "stats_order_city", queries.ordersByCity(acrossMonths));
        reads.forEach((rollup, statement) -> {
            assertAllUseIndexes(Map.of(rollup + "_day", statement));
            assertTrue(assertNoScanOfBigTables(statement).contains(" on " + rollup + "_month"), rollup + "_month read for the whole months");
        });
        assertComposedOfIndexedPieces(Map.of("stats_call_campaign", queries.callsByCampaign(acrossMonths),
                "stats_order_campaign", queries.ordersByCampaign(acrossMonths)), "_day", "_span");
    }

    @Test
    void liveRowsAreFoundByTheirIndexes() {
        assertAllUseIndexes(Map.of(
                "operator_status_history", queries.openStatusByOperator(january, null, now),
                "calls", queries.callsWaiting(now)));
        assertNoScanOfBigTables(queries.openStatusByHour(january, centre.moscow, now));
        assertNoScanOfBigTables(queries.operators(centre.moscow, List.of(centre.operators.get(0))));
    }

    @Test
    void keepingTheRollupsTouchesOnlyTheChangedCallsOrderAndOperator() {
        List<Long> calls = data.db().query("SELECT id FROM calls ORDER BY id DESC LIMIT 200", rs -> rs.getLong(1));
        long order = data.db().queryLong("SELECT max(id) FROM orders");
        assertAllUseIndexes(Map.of(
                "calls", CallFacts.KEPT.refresh(CallFacts.source(settings), calls),
                "orders", OrderFacts.KEPT.refresh(OrderFacts.SOURCE, List.of(order)),
                "operator_status_history", StatusPieces.countClosed(settings, centre.operators.get(3))));
    }

    /** Each statement reads both its day (or hour) rollup and the month (or span) twin through indexes. */
    private void assertComposedOfIndexedPieces(Map<String, Sql> statements, String days, String months) {
        statements.forEach((rollup, statement) -> assertAllUseIndexes(Map.of(rollup + days, statement, rollup + months, statement)));
    }

    private void assertAllUseIndexes(Map<String, Sql> statements) {
        plans.assertAllUseIndexes(statements);
    }

    private String assertNoScanOfBigTables(Sql statement) {
        return plans.assertNoScanOfBigTables(statement);
    }
}

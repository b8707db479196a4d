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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance point 4: on two years of calls, orders and status history (and the rollups built
 * from them), every statement the statistics endpoints read with, and every statement that keeps
 * the rollups, reads its table through an index: a month is a range of days on a rollup's day
 * index, one operator or city its key, and no plan scans calls, orders, the status history or a
 * whole rollup.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsQueriesUseRollupsTest {
    private static final GeneratedCentre.Size TWO_YEARS =
            new GeneratedCentre.Size(45, 24, Instant.parse("2023-03-01T00:00:00Z"), 730, 300_000, 60_000);
    private static final Set<String> NEVER_SCANNED = Set.of("calls", "orders", "operator_status_history",
            "stats_call_facts", "stats_call_operator_day", "stats_call_campaign_day", "stats_call_campaign_hour", "stats_call_city_hour",
            "stats_order_facts", "stats_order_operator_day", "stats_order_campaign_day", "stats_status_operator_day",
            "stats_status_city_hour");

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
    Instant now;

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
        now = centre.now();
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
        reads.put("stats_call_campaign_day", queries.allCallsByDay(january));
        reads.put("stats_order_campaign_day", queries.allOrdersByDay(january));
        assertAllUseIndexes(reads);

        assertAllUseIndexes(Map.of(
                "stats_call_operator_day", queries.callsByOperator(january, null),
                "stats_order_operator_day", queries.ordersByOperator(january, null),
                "stats_status_operator_day", queries.statusByOperator(january, null)));
        assertAllUseIndexes(Map.of(
                "stats_call_operator_day", queries.callsByOperator(january, centre.novosibirsk),
                "stats_order_operator_day", queries.ordersByOperator(january, centre.novosibirsk),
                "stats_status_operator_day", queries.statusByOperator(january, centre.novosibirsk)));
    }

    @Test
    void kpiReadsHourRollupsAndOtherThresholdsTheFactsOfTheDays() {
        assertAllUseIndexes(Map.of(
                "stats_call_city_hour", queries.callsByHour(january, null, null),
                "stats_status_city_hour", queries.statusByHour(january, null),
                "stats_call_facts", queries.withinThresholdByHour(january, null, null, 45)));
        assertAllUseIndexes(Map.of(
                "stats_call_city_hour", queries.callsByHour(january, centre.vladivostok, null),
                "stats_status_city_hour", queries.statusByHour(january, centre.vladivostok),
                "stats_call_facts", queries.withinThresholdByHour(january, centre.vladivostok, null, 45)));
        assertAllUseIndexes(Map.of(
                "stats_call_campaign_hour", queries.callsByHour(january, null, "rk5"),
                "stats_call_facts", queries.withinThresholdByHour(january, null, "rk5", 45)));
    }

    @Test
    void citiesAndCampaignsReadCampaignDays() {
        assertAllUseIndexes(Map.of("stats_call_campaign_day", queries.callsByCity(january),
                "stats_order_campaign_day", queries.ordersByCity(january)));
        assertAllUseIndexes(Map.of("stats_call_campaign_day", queries.callsByCampaign(january),
                "stats_order_campaign_day", queries.ordersByCampaign(january)));
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

    /** Each statement reads its table (the key) through an index and scans none of the big tables. */
    private void assertAllUseIndexes(Map<String, Sql> statements) {
        statements.forEach((table, statement) -> {
            String plan = assertNoScanOfBigTables(statement);
            assertTrue(plan.matches("(?s).*(Index Scan|Index Only Scan|Bitmap Heap Scan)( using \\S+)? on " + table + "\\b.*"),
                    "expected " + table + " read through an index in\n" + plan + "\nfor " + statement.text());
        });
    }

    private String assertNoScanOfBigTables(Sql statement) {
        String plan = String.join("\n", data.db().query("EXPLAIN " + statement.text(), rs -> rs.getString(1), statement.paramArray()));
        for (String table : NEVER_SCANNED) {
            assertFalse(plan.matches("(?s).*Seq Scan on " + table + "\\b.*"), "Seq Scan on " + table + " in\n" + plan);
        }
        return plan;
    }
}

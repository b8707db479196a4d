package org.callcentre.crm.stats;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics by disposition read their day rollup's day index for the days in no whole span and the
 * aligned spans for the rest; by cancel reason the day index for the head and tail days and the month
 * twin for the whole months; never the facts, calls or orders:
 * on three years of 30 cities and 12 entries a list (about 400 000 day rows each).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultCodeStatsUseRollupsTest {
    private static final int CITIES = 30;
    private static final int CODES = 12;
    private static final List<String> NEVER_SCANNED = List.of("calls", "orders", "stats_call_facts", "stats_order_facts",
            "stats_call_disposition_day", "stats_order_reason_day");

    @Inject
    TestData data;
    @Inject
    StatsQueries queries;
    /** Head days in December, January whole, tail days in February. */
    StatsPeriod acrossMonths = new StatsPeriod(LocalDate.parse("2024-12-10"), LocalDate.parse("2025-02-20"), ZoneId.of("Europe/Moscow"));

    @BeforeAll
    void fillThreeYears() {
        data.reset();
        String days = "(SELECT t::date AS day FROM generate_series(date '2023-01-01', date '2025-12-31', interval '1 day') t)";
        String months = "(SELECT t::date AS m FROM generate_series(date '2023-01-01', date '2025-12-01', interval '1 month') t)";
        data.db().update("INSERT INTO stats_call_disposition_day (city_id, disposition_id, day, answered, talk) "
                + "SELECT c, d, d1.day, 3, 300 FROM generate_series(1, ?) c, generate_series(1, ?) d, " + days + " d1", CITIES, CODES);
        // every aligned span of levels 1–7 (2–128 days) over the three years, as the rollup projection writes them
        data.db().update("INSERT INTO stats_call_disposition_span (level, span, city_id, disposition_id, answered, talk) "
                + "SELECT l, date '1970-01-01' + k * (1 << l), c, d, 3 * (1 << l), 300 * (1 << l) FROM generate_series(1, 7) l "
                + "CROSS JOIN LATERAL generate_series((date '2023-01-01' - date '1970-01-01') / (1 << l), "
                + "(date '2025-12-31' - date '1970-01-01') / (1 << l)) k, generate_series(1, ?) c, generate_series(1, ?) d", CITIES, CODES);
        data.db().update("INSERT INTO stats_order_reason_day (city_id, cancel_reason_id, day, orders, status_cancelled) "
                + "SELECT c, d, d1.day, 1, 1 FROM generate_series(1, ?) c, generate_series(1, ?) d, " + days + " d1", CITIES, CODES);
        data.db().update("INSERT INTO stats_order_reason_month (city_id, cancel_reason_id, month, orders, status_cancelled) "
                + "SELECT c, d, m1.m, 30, 30 FROM generate_series(1, ?) c, generate_series(1, ?) d, " + months + " m1", CITIES, CODES);
        data.db().update("CHECKPOINT");
        for (String table : List.of("stats_call_disposition_day", "stats_call_disposition_span", "stats_order_reason_day",
                "stats_order_reason_month")) {
            data.db().update("VACUUM ANALYZE " + table);
        }
    }

    @AfterAll
    void emptyTheTables() {
        data.reset();
    }

    @Test
    void byDispositionReadsTheDayIndexAndTheSpansAndByReasonTheDayIndexAndTheMonthTwin() {
        for (Long city : Arrays.asList(null, 7L)) {
            Map.of("stats_call_disposition", queries.callsByDisposition(acrossMonths, city),
                    "stats_order_reason", queries.ordersByCancelReason(acrossMonths, city)).forEach((rollup, statement) -> {
                String coarse = rollup.equals("stats_call_disposition") ? rollup + "_span" : rollup + "_month";
                String plan = String.join("\n", data.db().query("EXPLAIN " + statement.text(), rs -> rs.getString(1), statement.paramArray()));
                for (String table : NEVER_SCANNED) {
                    assertFalse(plan.matches("(?s).*Seq Scan on " + table + "\\b.*"), "Seq Scan on " + table + " in\n" + plan);
                }
                assertTrue(plan.matches("(?s).*(Index Scan|Index Only Scan|Bitmap Heap Scan)( using \\S+)? on " + rollup + "_day\\b.*"),
                        rollup + "_day read through an index in\n" + plan);
                assertTrue(plan.matches("(?s).*(Index Scan|Index Only Scan|Bitmap Heap Scan)( using \\S+)? on " + coarse + "\\b.*"),
                        coarse + " read through an index for what the days do not cover in\n" + plan);
            });
        }
    }
}

package org.callcentre.crm.stats;

import org.callcentre.crm.shared.Db;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every row of every rollup table, to compare what incremental maintenance left with what a
 * rebuild from the source rows gives. Rows whose measures are all zero (a group a fact moved out
 * of) are left out: a rebuild never writes them, and they change no figure.
 */
final class RollupSnapshot {
    /** Every rollup the application keeps, whichever it adds next. */
    private static final List<String> TABLES = Stream.of(CallFacts.KEPT.tables(), OrderFacts.KEPT.tables(),
            List.of("stats_status_applied"), StatusPieces.KIND.tables()).flatMap(List::stream).toList();
    private static final List<String> KEYS = List.of("call_id", "order_id", "operator_id", "city_id", "rk", "day", "month", "hour",
            FactKind.SPAN_LEVEL, FactKind.SPAN,
            "through_id", "wait_seconds");

    private RollupSnapshot() {
    }

    static Map<String, List<String>> of(Db db) {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : TABLES) {
            List<String> rows = new ArrayList<>();
            db.query("SELECT * FROM " + table, rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                boolean anyMeasure = false;
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.put(meta.getColumnLabel(i), value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value);
                    anyMeasure |= !KEYS.contains(meta.getColumnLabel(i)) && value != null
                            && new BigDecimal(value.toString()).signum() != 0;
                }
                if (anyMeasure || table.endsWith("_facts") || table.equals("stats_status_applied")) {
                    rows.add(row.toString());
                }
                return null;
            });
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    /** What the rollups hold equals what rebuilding them from calls, orders and the status history gives. */
    static void assertSameAsRebuilt(Db db, RollupRebuild rebuild) {
        Map<String, List<String>> maintained = of(db);
        rebuild.rebuild();
        assertEquals(of(db), maintained, "incrementally kept rollups differ from a rebuild");
    }
}

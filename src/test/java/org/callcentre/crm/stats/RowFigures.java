package org.callcentre.crm.stats;

import org.callcentre.crm.shared.Db;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The expected side of the figure tests: plain SQL over calls, orders and the status history,
 * written without the rollups or anything of the stats package, and a comparison of its columns
 * with the API's JSON fields.
 */
final class RowFigures {
    /** The local timestamp of a call's start in its city's zone, the default zone for calls without a city. */
    static final String CALL_LOCAL = "(c.created_at AT TIME ZONE coalesce(ci.timezone, 'Europe/Moscow'))";
    static final String CALLS = "calls c LEFT JOIN cities ci ON ci.id = c.city_id";
    static final String INBOUND = "c.direction = 'inbound' AND c.status <> 'ringing'";
    static final String ANSWERED = "c.direction = 'inbound' AND c.status = 'answered'";
    static final String HANDLED = "c.status = 'answered' AND c.direction IN ('inbound', 'outbound')";
    static final String ABANDONED = "c.direction = 'inbound' AND c.status = 'missed' AND c.missed_reason = 'abandoned'";

    static final String ORDER_DAY = "(o.created_at AT TIME ZONE ci.timezone)::date";
    static final String ORDERS = "orders o JOIN cities ci ON ci.id = o.city_id";

    private final Db db;

    RowFigures(Db db) {
        this.db = db;
    }

    /** Each row as column → value. */
    List<Map<String, Object>> rows(String sql, Object... params) {
        return db.query(sql, rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rs.getObject(i));
            }
            return row;
        }, params);
    }

    Map<String, Object> row(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        assertEquals(1, rows.size(), sql);
        return rows.get(0);
    }

    /**
     * Asserts that every expected column equals the JSON field of the same name (columns are
     * snake_case, fields camelCase); numbers compare by value, null as 0.
     */
    static void assertFigures(Map<String, Object> expected, Map<String, Object> actual, String what) {
        expected.forEach((column, value) -> {
            String field = camel(column);
            if (!actual.containsKey(field)) {
                fail(what + ": the answer has no " + field + ": " + actual);
            }
            assertEquals(number(value), number(actual.get(field)), what + ": " + field + " in " + actual);
        });
    }

    /** A JSON object of an answer. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** A JSON array of objects of an answer. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(Objects.toString(value)).stripTrailingZeros();
    }

    private static String camel(String column) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}

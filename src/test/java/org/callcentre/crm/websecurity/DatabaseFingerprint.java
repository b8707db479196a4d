package org.callcentre.crm.websecurity;

import org.callcentre.crm.shared.Db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A checksum of the content of every table the catalog lists, in one statement, to show that a refused
 * request wrote nothing. The caller names what is left out, and each test says why: the audit actions a
 * refusal is meant to write, and tables of which only the set of rows is compared because a background
 * worker updates them while the test runs.
 */
final class DatabaseFingerprint {
    private final Db db;
    private final String sql;

    /**
     * @param auditActionsOfRefusals {@code audit_log} rows with these actions are left out
     * @param rowsOnly               of these tables only the ids are compared
     */
    DatabaseFingerprint(Db db, Set<String> auditActionsOfRefusals, Set<String> rowsOnly) {
        this.db = db;
        List<String> tables = db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' ORDER BY tablename", rs -> rs.getString(1));
        String audit = auditActionsOfRefusals.isEmpty() ? "audit_log x"
                : "(SELECT * FROM audit_log WHERE action NOT IN ("
                + auditActionsOfRefusals.stream().map(a -> "'" + a.replace("'", "''") + "'").sorted().collect(Collectors.joining(", "))
                + ")) x";
        this.sql = tables.stream()
                .map(t -> "SELECT '" + t + "' AS name, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "
                        + (t.equals("audit_log") ? audit : rowsOnly.contains(t) ? "(SELECT id FROM " + t + ") x" : t + " x"))
                .collect(Collectors.joining(" UNION ALL "));
    }

    Map<String, String> take() {
        Map<String, String> sums = new LinkedHashMap<>();
        db.query(sql, rs -> sums.put(rs.getString("name"), rs.getString("sum")));
        return sums;
    }

    static List<String> changedTables(Map<String, String> before, Map<String, String> after) {
        return before.keySet().stream().filter(t -> !before.get(t).equals(after.get(t))).toList();
    }
}

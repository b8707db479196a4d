package org.callcentre.crm.websecurity;

import org.callcentre.crm.shared.Db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A checksum of every row of every table, in one statement, to show that a refused request wrote
 * nothing. The audit rows a refusal is meant to write (failed and locked logins) are left out, and
 * of the tables that background workers update (job attempts, message delivery retries, Avito
 * tokens, chat states) only which rows exist is compared: a worker may move a row an earlier,
 * accepted request created while a later request is refused.
 */
final class DatabaseFingerprint {
    private static final Set<String> UPDATED_IN_BACKGROUND = Set.of("call_jobs", "messages", "avito_accounts", "conversations");

    private final Db db;
    private final String sql;

    DatabaseFingerprint(Db db) {
        this.db = db;
        List<String> tables = db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' ORDER BY tablename", rs -> rs.getString(1));
        this.sql = tables.stream()
                .map(t -> "SELECT '" + t + "' AS name, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "
                        + (t.equals("audit_log")
                        ? "(SELECT * FROM audit_log WHERE action NOT IN ('login_failed', 'login_locked')) x"
                        : UPDATED_IN_BACKGROUND.contains(t) ? "(SELECT id FROM " + t + ") x" : t + " x"))
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

package org.callcentre.crm.stats;

import org.callcentre.crm.shared.Db;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks statements' plans ({@code EXPLAIN}): which tables they read through an index, and that they scan none of the big ones. */
final class IndexedReads {
    private final Db db;
    private final Set<String> neverScanned;

    IndexedReads(Db db, Set<String> neverScanned) {
        this.db = db;
        this.neverScanned = neverScanned;
    }

    /** Each statement reads its table (the key) through an index and scans none of the big tables. */
    void assertAllUseIndexes(Map<String, Sql> statements) {
        statements.forEach((table, statement) -> {
            String plan = assertNoScanOfBigTables(statement);
            assertTrue(plan.matches("(?s).*(Index Scan|Index Only Scan|Bitmap Heap Scan)( using \\S+)? on " + table + "\\b.*"),
                    "expected " + table + " read through an index in\n" + plan + "\nfor " + statement.text());
        });
    }

    /** The plan, once it is known to scan none of the big tables. */
    String assertNoScanOfBigTables(Sql statement) {
        String plan = String.join("\n", db.query("EXPLAIN " + statement.text(), rs -> rs.getString(1), statement.paramArray()));
        for (String table : neverScanned) {
            assertFalse(plan.matches("(?s).*Seq Scan on " + table + "\\b.*"), "Seq Scan on " + table + " in\n" + plan);
        }
        return plan;
    }
}

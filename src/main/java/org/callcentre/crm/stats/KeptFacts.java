package org.callcentre.crm.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Facts kept one row per source row (a call, an order), so that when the source changes, what it
 * added to the rollups before can be taken back exactly.
 *
 * @param table          the facts table
 * @param idColumn       its key, the source row's id
 * @param sourceIdColumn the id column as the source query names it
 */
record KeptFacts(String table, String idColumn, String sourceIdColumn, FactKind kind) {

    /**
     * One statement that re-derives the facts of the given source rows and adds (new − previous) to
     * every rollup. Every part reads the snapshot from before the statement, so {@code previous} is
     * the rows as they were. Facts and rollup rows are written in key order, so two writers touching
     * the same rows cannot deadlock. Answers the days whose figures moved: none when the facts stayed
     * the same (a call still ringing, an order edit that changes no figure).
     */
    Sql refresh(Sql source, Collection<Long> ids) {
        List<String> columns = columns();
        String updates = columns.stream().filter(c -> !c.equals(idColumn)).map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        String changed = "(" + columns.stream().map(c -> "f." + c).collect(Collectors.joining(", ")) + ") IS DISTINCT FROM ("
                + columns.stream().map(c -> "EXCLUDED." + c).collect(Collectors.joining(", ")) + ")";
        StringBuilder sql = new StringBuilder("WITH previous AS (SELECT * FROM " + table + " WHERE " + idColumn
                        + " = ANY(CAST(? AS bigint[]))), ")
                .append("latest AS (").append(source.text()).append(" WHERE ").append(sourceIdColumn).append(" = ANY(CAST(? AS bigint[]))), ")
                .append("saved AS (INSERT INTO ").append(table).append(" AS f (").append(String.join(", ", columns)).append(") ")
                .append("SELECT ").append(String.join(", ", columns)).append(" FROM latest ORDER BY ").append(idColumn)
                .append(" ON CONFLICT (").append(idColumn).append(") DO UPDATE SET ").append(updates).append(" WHERE ").append(changed)
                .append(" RETURNING f.").append(idColumn).append("), ")
                .append("delta AS (SELECT ").append(kind.keysAndMeasures()).append(" FROM latest UNION ALL ")
                .append(kind.negated("previous")).append(")");
        sql.append(kind.upsertsIntoAll("delta"));
        sql.append(" SELECT day FROM (SELECT ").append(idColumn).append(", day FROM previous UNION SELECT ").append(idColumn)
                .append(", day FROM latest) d WHERE ").append(idColumn).append(" IN (SELECT ").append(idColumn).append(" FROM saved)");
        List<Long> sorted = ids.stream().sorted().distinct().toList();
        List<Object> params = new ArrayList<>();
        params.add(sorted);
        params.addAll(source.params());
        params.add(sorted);
        return new Sql(sql.toString(), params);
    }

    /** Facts of every source row, then the rollups summed from them; the tables must be empty. */
    List<Sql> rebuild(Sql source) {
        List<Sql> statements = new ArrayList<>();
        String columns = String.join(", ", columns());
        statements.add(new Sql("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM (" + source.text() + ") s",
                source.params()));
        kind.rollups().forEach(rollup -> statements.add(new Sql(kind.upsertInto(rollup, table))));
        return statements;
    }

    List<String> tables() {
        List<String> tables = new ArrayList<>(kind.tables());
        tables.add(0, table);
        return tables;
    }

    private List<String> columns() {
        List<String> columns = new ArrayList<>(kind.columns());
        columns.add(0, idColumn);
        return columns;
    }
}

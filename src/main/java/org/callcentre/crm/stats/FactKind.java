package org.callcentre.crm.stats;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One kind of counted fact — a call, an order, a piece of a work-status period — and the rollups
 * its measures are summed into. Every rollup of a kind carries all of the kind's measures, so one
 * statement shape adds any fact (or the difference between two versions of it) to any rollup.
 *
 * @param keys     the columns rollups group by (a rollup uses some of them)
 * @param extras   facts columns kept per fact but not summed
 * @param measures the summed columns
 */
record FactKind(List<String> keys, List<String> extras, List<String> measures, List<RollupTable> rollups) {
    /** The key of month rollups, derived from {@code day}; facts have no such column. */
    static final String MONTH = "month";
    /**
     * The keys of span rollups: a fact adds to the span of each level 1 to {@link #MAX_SPAN_LEVEL}
     * holding its day, the {@code 2^level} days from {@link #SPAN_EPOCH} + k·{@code 2^level}
     * (see {@link StatsPeriod#spans}).
     */
    static final String SPAN_LEVEL = "level";
    static final String SPAN = "span";
    static final int MAX_SPAN_LEVEL = 7;
    static final LocalDate SPAN_EPOCH = LocalDate.EPOCH;

    /** Adds the rows of {@code delta} (facts, or signed differences of facts) to one rollup. */
    String upsertInto(RollupTable rollup, String delta) {
        String keyList = String.join(", ", rollup.keys());
        String keyValues = rollup.keys().stream().map(FactKind::keyValue).collect(Collectors.joining(", "));
        return "INSERT INTO " + rollup.name() + " AS r (" + keyList + ", " + String.join(", ", measures) + ") "
                + "SELECT " + keyValues + ", " + list(m -> "sum(" + m + ")") + " FROM " + delta
                // a fact is in one span of each level
                + (rollup.keys().contains(SPAN) ? " CROSS JOIN generate_series(1, " + MAX_SPAN_LEVEL + ") AS spans(" + SPAN_LEVEL + ")" : "")
                + (rollup.condition() == null ? "" : " WHERE " + rollup.condition())
                + " GROUP BY " + keyList
                + " HAVING " + measures.stream().map(m -> "sum(" + m + ") <> 0").collect(Collectors.joining(" OR "))
                // rows are locked in key order, so two writers touching the same rows cannot deadlock
                + " ORDER BY " + keyList
                + " ON CONFLICT (" + keyList + ") DO UPDATE SET " + list(m -> m + " = r." + m + " + EXCLUDED." + m);
    }

    /**
     * A rollup key as a fact gives it: {@code month} is the calendar month of the fact's local day
     * (so in its city's zone, as the day is); GROUP BY and ORDER BY then name the output column.
     */
    private static String keyValue(String key) {
        return switch (key) {
            case MONTH -> "date_trunc('month', day::timestamp)::date AS " + MONTH;
            case SPAN_LEVEL -> "spans." + SPAN_LEVEL + "::smallint AS " + SPAN_LEVEL;
            case SPAN -> "DATE '" + SPAN_EPOCH + "' + (day - DATE '" + SPAN_EPOCH + "') / (1 << spans." + SPAN_LEVEL + ") * (1 << spans."
                    + SPAN_LEVEL + ") AS " + SPAN;
            default -> key;
        };
    }

    /** {@code , r0 AS (…), r1 AS (…)}: the upserts of {@code delta} into every rollup, to continue a WITH clause. */
    String upsertsIntoAll(String delta) {
        StringBuilder ctes = new StringBuilder();
        for (int i = 0; i < rollups.size(); i++) {
            ctes.append(", r").append(i).append(" AS (").append(upsertInto(rollups.get(i), delta)).append(")");
        }
        return ctes.toString();
    }

    /** The keys and measures of {@code relation}, each measure negated: what taking a fact back subtracts. */
    String negated(String relation) {
        return "SELECT " + String.join(", ", keys) + ", " + list(m -> "-" + m + " AS " + m) + " FROM " + relation;
    }

    String keysAndMeasures() {
        return Stream.concat(keys.stream(), measures.stream()).collect(Collectors.joining(", "));
    }

    List<String> columns() {
        return Stream.of(keys, extras, measures).flatMap(List::stream).toList();
    }

    List<String> tables() {
        return rollups.stream().map(RollupTable::name).toList();
    }

    private String list(java.util.function.Function<String, String> each) {
        return measures.stream().map(each).collect(Collectors.joining(", "));
    }
}

package org.callcentre.crm.shared;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filtered, newest-first page and its total. The total is counted exactly up to
 * {@link #EXACT_COUNT_LIMIT} rows; past that, counting every row of a ten-million-call table would
 * cost more than the page itself, so the planner's estimate is given and flagged.
 */
@Singleton
public class PagedQuery {
    public static final int EXACT_COUNT_LIMIT = 10_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private final Db db;

    public PagedQuery(Db db) {
        this.db = db;
    }

    /**
     * @param select  the column list, e.g. {@code "SELECT c.*"}
     * @param from    the FROM part, e.g. {@code "FROM calls c"}
     * @param orderBy the ORDER BY expression; it must end with a unique column so that pages are stable
     */
    public <T> Page<T> page(String select, String from, SqlFilter filter, String orderBy,
                            Db.RowMapper<T> mapper, PageRequest request) {
        List<T> rows = db.query(pageSql(select, from, filter, orderBy), mapper,
                filter.params(request.limit(), request.offset()));
        long counted = db.queryLong(countSql(from, filter), filter.params());
        if (counted <= EXACT_COUNT_LIMIT) {
            return new Page<>(rows, request.pagination(counted, false));
        }
        String plan = db.queryOne("EXPLAIN (FORMAT JSON) SELECT 1 " + from + filter.where(),
                rs -> rs.getString(1), filter.params()).orElse("");
        Matcher m = PLAN_ROWS.matcher(plan);
        long estimate = m.find() ? Long.parseLong(m.group(1)) : counted;
        return new Page<>(rows, request.pagination(Math.max(estimate, counted), true));
    }

    /**
     * The page statement {@link #page} runs; its parameters are {@code filter.params(limit, offset)}.
     * Public so that a feature can EXPLAIN exactly what its list runs and prove which index it uses.
     */
    public static String pageSql(String select, String from, SqlFilter filter, String orderBy) {
        return select + " " + from + filter.where() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
    }

    /** The capped count {@link #page} runs; its parameters are {@code filter.params()}. */
    public static String countSql(String from, SqlFilter filter) {
        return "SELECT count(*) FROM (SELECT 1 " + from + filter.where() + " LIMIT " + (EXACT_COUNT_LIMIT + 1) + ") capped";
    }
}

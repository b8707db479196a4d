package org.callcentre.crm.shared;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filtered, newest-first page and its total. The total is counted exactly up to
 * {@link #EXACT_COUNT_LIMIT} rows; past that, counting every row of a ten-million-call table would
 * cost more than the page itself, so the planner's estimate is given and flagged.
 *
 * <p>The estimate is asked first (an {@code EXPLAIN}, which plans but reads no row): a filter the
 * planner expects to match more than the cap is not counted at all, and any other filter is counted
 * in the page's own statement, so a request costs two statements whichever way it goes.
 */
@Singleton
public class PagedQuery {
    public static final int EXACT_COUNT_LIMIT = 10_000;
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");
    private static final String TOTAL_COLUMN = "paged_total_";

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
        String rest = from + filter.where() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
        return page(select, rest, filter.params(request.limit(), request.offset()), from, filter, mapper, request);
    }

    /**
     * The general form: the page is {@code select + " " + rest} with {@code restParams} (e.g. rows
     * joined to a page of ids chosen in a subquery), and the total is that of {@code countFrom}
     * under {@code filter}.
     */
    public <T> Page<T> page(String select, String rest, Object[] restParams, String countFrom, SqlFilter filter,
                            Db.RowMapper<T> mapper, PageRequest request) {
        long estimate = estimate(countFrom, filter);
        if (estimate > EXACT_COUNT_LIMIT) {
            List<T> rows = db.query(select + " " + rest, mapper, restParams);
            return new Page<>(rows, request.pagination(Math.max(estimate, request.offset() + rows.size()), true));
        }
        List<Object> params = new ArrayList<>(List.of(filter.params()));
        params.addAll(List.of(restParams));
        List<Long> counted = new ArrayList<>(1);
        List<T> rows = db.query(select + ", (" + countSql(countFrom, filter) + ") AS " + TOTAL_COLUMN + " " + rest,
                rs -> {
                    if (counted.isEmpty()) {
                        counted.add(rs.getLong(TOTAL_COLUMN));
                    }
                    return mapper.map(rs);
                }, params.toArray());
        long total = counted.isEmpty() ? countPastTheEnd(countFrom, filter, request) : counted.get(0);
        if (total <= EXACT_COUNT_LIMIT) {
            return new Page<>(rows, request.pagination(total, false));
        }
        // the planner expected fewer rows than there are: the count stopped at the cap
        return new Page<>(rows, request.pagination(total, true));
    }

    /** The planner's row estimate for the filter: planned, not run. */
    private long estimate(String from, SqlFilter filter) {
        String plan = db.queryOne("EXPLAIN (FORMAT JSON) SELECT 1 " + from + filter.where(),
                rs -> rs.getString(1), filter.params()).orElse("");
        Matcher m = PLAN_ROWS.matcher(plan);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** An empty first page has nothing to count; an empty later page (asked past the end) still tells the total. */
    private long countPastTheEnd(String from, SqlFilter filter, PageRequest request) {
        return request.offset() == 0 ? 0 : db.queryLong(countSql(from, filter), filter.params());
    }

    /**
     * The page statement {@link #page} runs when it does not count; its parameters are
     * {@code filter.params(limit, offset)}. Public so that a feature can EXPLAIN exactly what its
     * list runs and prove which index it uses.
     */
    public static String pageSql(String select, String from, SqlFilter filter, String orderBy) {
        return select + " " + from + filter.where() + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?";
    }

    /** The capped count {@link #page} runs in the page's statement; its parameters are {@code filter.params()}. */
    public static String countSql(String from, SqlFilter filter) {
        return "SELECT count(*) FROM (SELECT 1 " + from + filter.where() + " LIMIT " + (EXACT_COUNT_LIMIT + 1) + ") capped";
    }
}

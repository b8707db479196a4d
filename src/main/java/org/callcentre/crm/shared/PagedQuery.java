package org.callcentre.crm.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filtered, newest-first page and its total. The total is counted exactly up to
 * {@link #EXACT_COUNT_LIMIT} rows; past that, counting every row of a ten-million-call table would
 * cost more than the page itself, so the planner's estimate is given and flagged.
 *
 * <p>A filter found to match more than the cap is remembered with its estimate for
 * {@link #BIG_FILTER_MEMORY}: the next pages of the same filter (and the same first page asked
 * again) skip the capped count, which reads {@code EXACT_COUNT_LIMIT + 1} index entries, and the
 * {@code EXPLAIN}. Only totals that are flagged as estimates are remembered, so an exact total is
 * never stale; an estimate may lag the rows by that long, as it lags them until the next ANALYZE anyway.
 */
@Singleton
public class PagedQuery {
    public static final int EXACT_COUNT_LIMIT = 10_000;
    static final Duration BIG_FILTER_MEMORY = Duration.ofSeconds(60);
    private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\":\\s*(\\d+)");

    private final ReadDb db;
    private final Cache<FilterKey, Long> bigFilters = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(BIG_FILTER_MEMORY).build();

    public PagedQuery(ReadDb db) {
        this.db = db;
    }

    /**
     * @param select  the column list, e.g. {@code "SELECT c.*"}
     * @param from    the FROM part, e.g. {@code "FROM calls c"}
     * @param orderBy the ORDER BY expression; it must end with a unique column so that pages are stable
     */
    public <T> Page<T> page(String select, String from, SqlFilter filter, String orderBy,
                            Db.RowMapper<T> mapper, PageRequest request) {
        List<T> rows = rows(select, from, filter, orderBy, mapper, request);
        FilterKey key = new FilterKey(from + filter.where(), Arrays.asList(filter.params()));
        Long remembered = bigFilters.getIfPresent(key);
        if (remembered != null) {
            return new Page<>(rows, request.pagination(Math.max(remembered, request.offset() + rows.size()), true));
        }
        long counted = db.queryLong(countSql(from, filter), filter.params());
        if (counted <= EXACT_COUNT_LIMIT) {
            return new Page<>(rows, request.pagination(counted, false));
        }
        String plan = db.queryOne("EXPLAIN (FORMAT JSON) SELECT 1 " + from + filter.where(),
                rs -> rs.getString(1), filter.params()).orElse("");
        Matcher m = PLAN_ROWS.matcher(plan);
        long estimate = Math.max(m.find() ? Long.parseLong(m.group(1)) : counted, counted);
        bigFilters.put(key, estimate);
        return new Page<>(rows, request.pagination(estimate, true));
    }

    /** The rows of a numbered page without its total, for a list whose client asked for no count. */
    public <T> List<T> rows(String select, String from, SqlFilter filter, String orderBy,
                            Db.RowMapper<T> mapper, PageRequest request) {
        return db.query(pageSql(select, from, filter, orderBy), mapper, filter.params(request.limit(), request.offset()));
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

    /** A filter as the statements see it: its WHERE text and its values. */
    private record FilterKey(String fromWhere, List<Object> params) {
    }
}

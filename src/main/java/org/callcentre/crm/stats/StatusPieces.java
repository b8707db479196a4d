package org.callcentre.crm.stats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Work-status periods cut at local hours (in the operator's city zone), as seconds in working,
 * break and offline. Closed periods are added to the rollups once; the open period of each
 * operator is cut the same way at read time, up to now. Instants are taken to the whole second, so
 * that the pieces of a period add up to its length exactly.
 */
final class StatusPieces {
    static final FactKind KIND = new FactKind(
            List.of("operator_id", "city_id", "day", "hour"),
            List.of(),
            List.of("working_seconds", "break_seconds", "offline_seconds"),
            List.of(new RollupTable("stats_status_operator_day", List.of("operator_id", "day"), null),
                    new RollupTable("stats_status_city_hour", List.of("city_id", "day", "hour"), null),
                    new RollupTable("stats_status_operator_span", List.of(FactKind.SPAN_LEVEL, FactKind.SPAN, "operator_id"), null),
                    new RollupTable("stats_status_centre_hour", List.of("day", "hour"), null),
                    new RollupTable("stats_status_centre_month_hour", List.of(FactKind.MONTH, "hour"), null),
                    new RollupTable("stats_status_city_month_hour", List.of("city_id", FactKind.MONTH, "hour"), null)));

    /**
     * Pieces of the rows of a relation {@code periods(id, operator_id, status_work, started_at, ended_at)}, cut in
     * the zone {@code %1$s} names (an SQL expression).
     */
    private static final String PIECES = """
            SELECT p.operator_id, o.city_id, s.hour_start::date AS day, extract(hour FROM s.hour_start)::smallint AS hour,
                   CASE WHEN p.status_work = 'working' THEN x.seconds ELSE 0 END AS working_seconds,
                   CASE WHEN p.status_work = 'break' THEN x.seconds ELSE 0 END AS break_seconds,
                   CASE WHEN p.status_work = 'offline' THEN x.seconds ELSE 0 END AS offline_seconds
            FROM periods p
            JOIN operators o ON o.id = p.operator_id
            LEFT JOIN cities ci ON ci.id = o.city_id
            CROSS JOIN LATERAL (SELECT %1$s AS zone) z
            CROSS JOIN LATERAL (SELECT date_trunc('second', p.started_at) AT TIME ZONE z.zone AS local_start,
                                       date_trunc('second', p.ended_at) AT TIME ZONE z.zone AS local_end) l
            CROSS JOIN LATERAL generate_series(date_trunc('hour', l.local_start), l.local_end, interval '1 hour') s(hour_start)
            CROSS JOIN LATERAL (SELECT extract(epoch FROM least(l.local_end, s.hour_start + interval '1 hour')
                                                        - greatest(l.local_start, s.hour_start))::bigint AS seconds) x
            WHERE x.seconds > 0""";

    /** The zone of an operator's local hours: their city's, or the default for an operator of none. */
    private static final String CITY_ZONE = "coalesce(ci.timezone, ?)";

    private static final String CLOSED = "SELECT h.id, h.operator_id, h.status_work, h.started_at, h.ended_at "
            + "FROM operator_status_history h WHERE h.ended_at IS NOT NULL";

    /**
     * Serialises the counting of these operators' periods until the transaction ends: a period is
     * counted once, in the zone its city has when it is counted. Locks are taken in id order, so two
     * lockers cannot deadlock.
     */
    static Sql lockOperators(Collection<Long> operatorIds) {
        return new Sql("SELECT pg_advisory_xact_lock(hashtextextended('stats-status:' || id, 0)) "
                + "FROM unnest(?::bigint[]) WITH ORDINALITY AS t(id, n) ORDER BY n", operatorIds.stream().sorted().distinct().toList());
    }

    /**
     * Moves the counted periods of a city's operators from the local hours of the city's previous zone
     * to those of its zone now: subtracts their pieces cut in {@code previousZone}, adds them cut anew.
     * Run in the transaction that changes the zone, after {@link #lockOperators} on the city's operators,
     * so that no period is counted in between. Answers the days that moved.
     */
    static Sql recountCity(StatsSettings settings, long cityId, String previousZone) {
        String counted = CLOSED + " AND h.id <= (SELECT a.through_id FROM stats_status_applied a WHERE a.operator_id = h.operator_id) "
                + "AND h.operator_id IN (SELECT id FROM operators WHERE city_id = ?)";
        String sql = "WITH periods AS (" + counted + "), now_pieces AS (" + PIECES.formatted(CITY_ZONE) + "), "
                + "before_pieces AS (" + PIECES.formatted("?::text") + "), "
                + "delta AS (SELECT " + KIND.keysAndMeasures() + " FROM now_pieces UNION ALL " + KIND.negated("before_pieces") + ")"
                + KIND.upsertsIntoAll("delta") + " SELECT DISTINCT day FROM delta";
        return new Sql(sql, cityId, settings.defaultZone().getId(), previousZone);
    }

    private StatusPieces() {
    }

    /** Adds one operator's periods closed since the last one counted; answers the days that moved. */
    static Sql countClosed(StatsSettings settings, long operatorId) {
        return count(settings, new Sql(CLOSED + " AND h.operator_id = ? AND h.id > coalesce("
                + "(SELECT through_id FROM stats_status_applied WHERE operator_id = ?), 0)", operatorId, operatorId), true);
    }

    /** Adds every closed period; the rollups must be empty. Answers nothing (an update count). */
    static Sql countAllClosed(StatsSettings settings) {
        return count(settings, new Sql(CLOSED), false);
    }

    /**
     * The pieces of the periods still open at {@code now}, begun no earlier than {@code notBefore}
     * (earlier parts lie outside whatever range is asked), as a relation for a WITH clause.
     */
    static Sql openUntil(StatsSettings settings, Instant notBefore, Instant now) {
        return pieces(settings, new Sql("SELECT h.id, h.operator_id, h.status_work, greatest(h.started_at, ?) AS started_at, "
                + "?::timestamptz AS ended_at FROM operator_status_history h WHERE h.ended_at IS NULL AND h.started_at < ?",
                notBefore, now, now));
    }

    private static Sql count(StatsSettings settings, Sql periods, boolean answerDays) {
        Sql pieces = pieces(settings, periods);
        StringBuilder sql = new StringBuilder(pieces.text());
        sql.append(KIND.upsertsIntoAll("delta"));
        String markApplied = "INSERT INTO stats_status_applied (operator_id, through_id) "
                + "SELECT operator_id, max(id) FROM periods GROUP BY operator_id ORDER BY operator_id "
                + "ON CONFLICT (operator_id) DO UPDATE SET through_id = EXCLUDED.through_id";
        sql.append(answerDays ? ", applied AS (" + markApplied + ") SELECT DISTINCT day FROM delta" : " " + markApplied);
        return new Sql(sql.toString(), pieces.params());
    }

    /** {@code WITH periods AS (…), delta AS (pieces)}: the text continues with more of the WITH clause. */
    private static Sql pieces(StatsSettings settings, Sql periods) {
        List<Object> params = new ArrayList<>(periods.params());
        params.add(settings.defaultZone().getId());
        return new Sql("WITH periods AS (" + periods.text() + "), delta AS (" + PIECES.formatted(CITY_ZONE) + ")", params);
    }
}

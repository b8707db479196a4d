package org.callcentre.loadtest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * The statistics endpoints' figures computed the way one would without the rollups and without
 * indexes: plain aggregates over calls, orders and the status history, each call on the local day
 * and hour of its city's zone, run by JDBC with index and bitmap scans switched off (so PostgreSQL
 * reads the tables sequentially, with its parallel workers). Each method answers one endpoint's
 * statements together; the benchmark times them beside the endpoint.
 */
final class BaselineQueries {
    /** The local day (and hour) of each call, as the rollups count it. */
    private static final String CALLS = "(SELECT c.*, (c.created_at AT TIME ZONE z.zone)::date AS day, "
            + "extract(hour FROM c.created_at AT TIME ZONE z.zone)::int AS hour FROM calls c LEFT JOIN cities ci ON ci.id = c.city_id "
            + "CROSS JOIN LATERAL (SELECT coalesce(ci.timezone, ?) AS zone) z) c";
    private static final String ORDERS = "(SELECT o.*, (o.created_at AT TIME ZONE ci.timezone)::date AS day "
            + "FROM orders o JOIN cities ci ON ci.id = o.city_id) o";
    private static final String CALL_SUMS = "count(*) FILTER (WHERE direction = 'inbound' AND status <> 'ringing') AS inbound, "
            + "count(*) FILTER (WHERE direction = 'inbound' AND status = 'answered') AS answered, "
            + "count(*) FILTER (WHERE direction = 'outbound' AND status <> 'ringing') AS outbound, "
            + "count(*) FILTER (WHERE direction = 'outbound' AND status = 'answered') AS outbound_answered, "
            + "sum(wait_seconds) FILTER (WHERE direction = 'inbound' AND status = 'answered') AS wait_answered, "
            + "count(*) FILTER (WHERE direction = 'inbound' AND status = 'answered' AND wait_seconds <= ?) AS answered_within_sl, "
            + "count(*) FILTER (WHERE direction = 'inbound' AND status = 'missed' AND missed_reason = 'abandoned') AS abandoned, "
            + "count(*) FILTER (WHERE direction = 'inbound' AND status = 'missed' AND missed_reason = 'abandoned' AND wait_seconds < ?) AS abandoned_short, "
            + "sum(talk_seconds + hold_seconds) FILTER (WHERE status = 'answered' AND direction IN ('inbound', 'outbound')) AS handling";
    private static final String ORDER_SUMS = "count(*) AS orders, count(*) FILTER (WHERE status = 'new') AS status_new, "
            + "count(*) FILTER (WHERE status = 'completed') AS completed, count(*) FILTER (WHERE status = 'cancelled') AS cancelled, "
            + "coalesce(sum(result) FILTER (WHERE status = 'completed'), 0) AS revenue, coalesce(sum(clean) FILTER (WHERE status = 'completed'), 0) AS clean";
    /** Seconds of each operator's status periods inside the range's local days of the operator's city (the open one up to now). */
    private static final String STATUS_BY_OPERATOR = "SELECT h.operator_id, h.status_work, "
            + "sum(extract(epoch FROM least(coalesce(h.ended_at, now()), b.hi) - greatest(h.started_at, b.lo))) AS seconds "
            + "FROM operator_status_history h JOIN operators o ON o.id = h.operator_id LEFT JOIN cities ci ON ci.id = o.city_id "
            + "CROSS JOIN LATERAL (SELECT (?::date)::timestamp AT TIME ZONE coalesce(ci.timezone, ?) AS lo, "
            + "(?::date + 1)::timestamp AT TIME ZONE coalesce(ci.timezone, ?) AS hi) b "
            + "WHERE h.started_at < b.hi AND coalesce(h.ended_at, now()) > b.lo";
    /** Working seconds by local hour of the operators' cities, periods cut at local hours. */
    private static final String WORKING_BY_HOUR = "SELECT extract(hour FROM s.hour_start)::int AS hour, "
            + "sum(extract(epoch FROM least(l.local_end, s.hour_start + interval '1 hour') - greatest(l.local_start, s.hour_start))) AS working "
            + "FROM operator_status_history h JOIN operators o ON o.id = h.operator_id LEFT JOIN cities ci ON ci.id = o.city_id "
            + "CROSS JOIN LATERAL (SELECT h.started_at AT TIME ZONE coalesce(ci.timezone, ?) AS local_start, "
            + "coalesce(h.ended_at, now()) AT TIME ZONE coalesce(ci.timezone, ?) AS local_end) l "
            + "CROSS JOIN LATERAL generate_series(date_trunc('hour', l.local_start), l.local_end, interval '1 hour') s(hour_start) "
            + "WHERE h.status_work = 'working' AND s.hour_start::date BETWEEN ? AND ?";

    private final Connection db;
    private final String defaultZone;
    private final int serviceLevel;
    private final int shortAbandon;

    BaselineQueries(Connection db) throws SQLException {
        this.db = db;
        try (Statement s = db.createStatement()) {
            s.execute("SET enable_indexscan = off");
            s.execute("SET enable_indexonlyscan = off");
            s.execute("SET enable_bitmapscan = off");
            try (ResultSet rs = s.executeQuery("SELECT default_timezone, service_level_seconds, short_abandon_seconds FROM stats_rollup_settings")) {
                if (!rs.next()) {
                    throw new IllegalStateException("the rollups were not rebuilt yet: start the service once after generating");
                }
                defaultZone = rs.getString(1);
                serviceLevel = rs.getInt(2);
                shortAbandon = rs.getInt(3);
            }
        }
    }

    /** {@code /overall}: calls and orders by local day. Answers [inbound calls, orders] summed over the range. */
    long[] overall(LocalDate start, LocalDate end) throws SQLException {
        long inbound = sum("SELECT day, " + CALL_SUMS + " FROM " + CALLS + " WHERE day BETWEEN ? AND ? GROUP BY day", "inbound",
                serviceLevel, shortAbandon, defaultZone, start, end);
        long orders = sum("SELECT day, " + ORDER_SUMS + " FROM " + ORDERS + " WHERE day BETWEEN ? AND ? GROUP BY day", "orders", start, end);
        return new long[] {inbound, orders};
    }

    /** {@code /my} and {@code /operator/{id}}: one operator's calls and orders by local day. */
    void operator(long operatorId, LocalDate start, LocalDate end) throws SQLException {
        sum("SELECT day, " + CALL_SUMS + " FROM " + CALLS + " WHERE day BETWEEN ? AND ? AND operator_id = ? GROUP BY day", "inbound",
                serviceLevel, shortAbandon, defaultZone, start, end, operatorId);
        sum("SELECT day, " + ORDER_SUMS + " FROM " + ORDERS + " WHERE day BETWEEN ? AND ? AND operator_id = ? GROUP BY day", "orders",
                start, end, operatorId);
    }

    /** {@code /operators}: calls, orders and time in status by operator. */
    void operators(LocalDate start, LocalDate end) throws SQLException {
        sum("SELECT operator_id, " + CALL_SUMS + " FROM " + CALLS + " WHERE day BETWEEN ? AND ? GROUP BY operator_id", "inbound",
                serviceLevel, shortAbandon, defaultZone, start, end);
        sum("SELECT operator_id, " + ORDER_SUMS + " FROM " + ORDERS + " WHERE day BETWEEN ? AND ? GROUP BY operator_id", "orders", start, end);
        sum(STATUS_BY_OPERATOR + " GROUP BY h.operator_id, h.status_work", "seconds", start, defaultZone, end, defaultZone);
    }

    /** {@code /kpi} (and the wallboard's today): calls by local hour, working time by local hour. */
    void kpi(LocalDate start, LocalDate end) throws SQLException {
        sum("SELECT hour, " + CALL_SUMS + " FROM " + CALLS + " WHERE day BETWEEN ? AND ? GROUP BY hour", "inbound",
                serviceLevel, shortAbandon, defaultZone, start, end);
        sum(WORKING_BY_HOUR + " GROUP BY 1", "working", defaultZone, defaultZone, start, end);
    }

    /** {@code /cities} or {@code /campaigns}: calls and orders by city or by campaign. */
    void sources(String column, LocalDate start, LocalDate end) throws SQLException {
        sum("SELECT " + column + ", " + CALL_SUMS + " FROM " + CALLS + " WHERE day BETWEEN ? AND ? GROUP BY " + column, "inbound",
                serviceLevel, shortAbandon, defaultZone, start, end);
        sum("SELECT " + column + ", " + ORDER_SUMS + " FROM " + ORDERS + " WHERE day BETWEEN ? AND ? GROUP BY " + column, "orders", start, end);
    }

    /** The sum of one column over the rows of a grouped statement (which is read whole). */
    private long sum(String sql, String column, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total += rs.getLong(column);
                }
            }
            return total;
        }
    }
}

package org.callcentre.crm.reports;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ReadDb;
import org.callcentre.crm.shared.SqlFilter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/**
 * Per-operator figures of a period, computed straight from calls and orders with one grouped
 * statement. The operators report reads them only through this class, so that it can be pointed
 * at the rollup-backed statistics once they exist.
 *
 * <p>Following the shared definitions: calls are the operator's inbound calls that have ended
 * (answered, or missed, busy and failed counting as missed); the acceptance rate is answered ÷
 * total × 100; the average wait is over answered calls; talk time counts every direction. Orders
 * are those the operator created in the period; completed ones and their revenue ({@code result})
 * are among those.
 */
@Singleton
class OperatorFigures {
    private static final String FIGURES = """
            WITH call_figures AS (
                SELECT c.operator_id,
                       count(*) FILTER (WHERE c.direction = 'inbound' AND c.status <> 'ringing') AS total,
                       count(*) FILTER (WHERE c.direction = 'inbound' AND c.status = 'answered') AS answered,
                       avg(c.wait_seconds) FILTER (WHERE c.direction = 'inbound' AND c.status = 'answered') AS average_wait,
                       sum(c.talk_seconds) AS talk_seconds
                FROM calls c
                WHERE c.operator_id IS NOT NULL AND c.created_at >= ? AND c.created_at < ?
                GROUP BY c.operator_id),
            order_figures AS (
                SELECT o.operator_id, count(*) AS created,
                       count(*) FILTER (WHERE o.status = 'completed') AS completed,
                       sum(o.result) FILTER (WHERE o.status = 'completed') AS revenue
                FROM orders o
                WHERE o.operator_id IS NOT NULL AND o.created_at >= ? AND o.created_at < ?
                GROUP BY o.operator_id)
            SELECT op.name, ci.name AS city,
                   coalesce(cf.total, 0) AS total, coalesce(cf.answered, 0) AS answered,
                   round(100.0 * cf.answered / nullif(cf.total, 0), 1) AS acceptance_rate,
                   round(cf.average_wait, 1) AS average_wait, coalesce(cf.talk_seconds, 0) AS talk_seconds,
                   coalesce(orf.created, 0) AS created, coalesce(orf.completed, 0) AS completed,
                   coalesce(orf.revenue, 0)::numeric(14, 2) AS revenue
            FROM operators op
            LEFT JOIN cities ci ON ci.id = op.city_id
            LEFT JOIN call_figures cf ON cf.operator_id = op.id
            LEFT JOIN order_figures orf ON orf.operator_id = op.id
            """;

    /** One operator's figures; the averages are null when there is nothing to average. */
    record Row(String operator, String city, long callsTotal, long answered, long missed, BigDecimal acceptanceRate,
               BigDecimal averageWaitSeconds, long talkSeconds, long ordersCreated, long ordersCompleted,
               BigDecimal revenue) {
    }

    private final ReadDb db;

    OperatorFigures(ReadDb db) {
        this.db = db;
    }

    /**
     * Every operator (role operator, or anyone with calls or orders in the period), by name.
     *
     * @param cityId only operators of this city; null for all
     */
    List<Row> forPeriod(Instant from, Instant toExclusive, Long cityId) {
        SqlFilter where = new SqlFilter()
                .always("(op.role = 'operator' OR cf.operator_id IS NOT NULL OR orf.operator_id IS NOT NULL)")
                .when(cityId, "op.city_id = ?");
        Object[] params = Stream.concat(Stream.of(from, toExclusive, from, toExclusive), Stream.of(where.params())).toArray();
        return db.query(FIGURES + where.where() + " ORDER BY op.name, op.id", rs -> {
            long total = rs.getLong("total");
            long answered = rs.getLong("answered");
            return new Row(rs.getString("name"), rs.getString("city"), total, answered, total - answered,
                    rs.getBigDecimal("acceptance_rate"), rs.getBigDecimal("average_wait"), rs.getLong("talk_seconds"),
                    rs.getLong("created"), rs.getLong("completed"), rs.getBigDecimal("revenue"));
        }, params);
    }

    /** The inbound calls counted in {@link Row#callsTotal()}, per local day of {@code zone}. */
    List<DayCount> callsPerDay(Instant from, Instant toExclusive, Long cityId, ZoneId zone) {
        SqlFilter where = new SqlFilter()
                .always("c.direction = 'inbound' AND c.status <> 'ringing'")
                .always("c.created_at >= ? AND c.created_at < ?", from, toExclusive)
                .when(cityId, "op.city_id = ?");
        Object[] params = Stream.concat(Stream.of(zone.getId()), Stream.of(where.params())).toArray();
        return db.query("SELECT (c.created_at AT TIME ZONE ?)::date, count(*) FROM calls c JOIN operators op ON op.id = c.operator_id"
                        + where.where() + " GROUP BY 1 ORDER BY 1",
                DayCount::read, params);
    }
}

package org.callcentre.crm.stats;

import java.util.List;

/**
 * What one orders row adds to the order rollups: it counts on the local day it was created, under
 * its current status; revenue and clean are those of completed orders; a cancelled one under its
 * cancel reason too.
 */
final class OrderFacts {
    static final KeptFacts KEPT = new KeptFacts("stats_order_facts", "order_id", "o.id", new FactKind(
            List.of("operator_id", "city_id", "rk", "day", "cancel_reason_id"),
            List.of(),
            List.of("orders", "status_new", "status_assigned", "status_in_progress", "status_completed", "status_cancelled",
                    "revenue", "clean"),
            List.of(new RollupTable("stats_order_operator_day", List.of("operator_id", "day"), "operator_id IS NOT NULL"),
                    new RollupTable("stats_order_campaign_day", List.of("city_id", "rk", "day"), null),
                    new RollupTable("stats_order_centre_day", List.of("day"), null),
                    new RollupTable("stats_order_city_day", List.of("city_id", "day"), null),
                    new RollupTable("stats_order_city_month", List.of("city_id", FactKind.MONTH), null),
                    new RollupTable("stats_order_campaign_span", List.of(FactKind.SPAN_LEVEL, FactKind.SPAN, "city_id", "rk"), null),
                    new RollupTable("stats_order_operator_span", List.of(FactKind.SPAN_LEVEL, FactKind.SPAN, "operator_id"), "operator_id IS NOT NULL"),
                    new RollupTable("stats_order_reason_day", List.of("city_id", "cancel_reason_id", "day"), "cancel_reason_id IS NOT NULL"),
                    new RollupTable("stats_order_reason_month", List.of("city_id", "cancel_reason_id", FactKind.MONTH),
                            "cancel_reason_id IS NOT NULL"))));

    static final Sql SOURCE = new Sql("""
            SELECT o.id AS order_id, o.operator_id, o.city_id, o.rk,
                   CASE WHEN o.status = 'cancelled' THEN o.cancel_reason_id END AS cancel_reason_id,
                   (o.created_at AT TIME ZONE ci.timezone)::date AS day,
                   1 AS orders,
                   (o.status = 'new')::int AS status_new,
                   (o.status = 'assigned')::int AS status_assigned,
                   (o.status = 'in_progress')::int AS status_in_progress,
                   (o.status = 'completed')::int AS status_completed,
                   (o.status = 'cancelled')::int AS status_cancelled,
                   CASE WHEN o.status = 'completed' THEN coalesce(o.result, 0) ELSE 0 END AS revenue,
                   CASE WHEN o.status = 'completed' THEN coalesce(o.clean, 0) ELSE 0 END AS clean
            FROM orders o
            JOIN cities ci ON ci.id = o.city_id""");

    private OrderFacts() {
    }
}

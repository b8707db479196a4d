package org.callcentre.crm.stats;

import java.util.List;

/**
 * What one calls row adds to the call rollups. The definitions follow the product's (see the
 * README, "Statistics definitions"): a call counts on the local day and hour of its start in its
 * city's zone; {@code inbound} is an inbound call that is over or answered (busy and failed count
 * as missed); talk and hold are counted for answered calls in both directions, which are the
 * handled calls. An unknown talk or hold (a call that ended while the AMI link was down, with no
 * CDR to tell its end) adds nothing to the sums; the call still counts as handled, but not as
 * {@code timed}, the handled calls that averages of talk and handling time divide by. A call counts
 * under the disposition its operator picked, once picked.
 */
final class CallFacts {
    static final KeptFacts KEPT = new KeptFacts("stats_call_facts", "call_id", "c.id", new FactKind(
            List.of("operator_id", "city_id", "rk", "day", "hour", "disposition_id"),
            List.of("wait_seconds"),
            List.of("inbound", "answered", "outbound", "outbound_answered", "wait_answered", "answered_within_sl",
                    "abandoned", "abandoned_short", "abandoned_within_sl", "talk", "hold", "timed"),
            List.of(new RollupTable("stats_call_operator_day", List.of("operator_id", "day"), "operator_id IS NOT NULL"),
                    new RollupTable("stats_call_campaign_day", List.of("city_id", "rk", "day"), null),
                    new RollupTable("stats_call_campaign_hour", List.of("city_id", "rk", "day", "hour"), null),
                    new RollupTable("stats_call_city_hour", List.of("city_id", "day", "hour"), null),
                    new RollupTable("stats_call_centre_day", List.of("day"), null),
                    new RollupTable("stats_call_city_day", List.of("city_id", "day"), null),
                    new RollupTable("stats_call_city_month", List.of("city_id", FactKind.MONTH), null),
                    new RollupTable("stats_call_campaign_span", List.of(FactKind.SPAN_LEVEL, FactKind.SPAN, "city_id", "rk"), null),
                    new RollupTable("stats_call_operator_span", List.of(FactKind.SPAN_LEVEL, FactKind.SPAN, "operator_id"), "operator_id IS NOT NULL"),
                    new RollupTable("stats_call_centre_hour", List.of("day", "hour"), null),
                    new RollupTable("stats_call_centre_month_hour", List.of(FactKind.MONTH, "hour"), null),
                    new RollupTable("stats_call_city_month_hour", List.of("city_id", FactKind.MONTH, "hour"), null),
                    new RollupTable("stats_call_campaign_month_hour", List.of("city_id", "rk", FactKind.MONTH, "hour"), null),
                    new RollupTable("stats_call_disposition_day", List.of("city_id", "disposition_id", "day"), "disposition_id IS NOT NULL"),
                    new RollupTable("stats_call_disposition_span", List.of(FactKind.SPAN_LEVEL, FactKind.SPAN, "city_id", "disposition_id"),
                            "disposition_id IS NOT NULL"))));

    private static final String SOURCE = """
            SELECT c.id AS call_id, c.operator_id, c.city_id, c.rk, c.disposition_id,
                   (c.created_at AT TIME ZONE z.zone)::date AS day,
                   extract(hour FROM c.created_at AT TIME ZONE z.zone)::smallint AS hour,
                   c.wait_seconds, k.inbound, k.answered, k.outbound, k.outbound_answered,
                   k.answered * c.wait_seconds AS wait_answered,
                   k.answered * (c.wait_seconds <= st.service_level)::int AS answered_within_sl,
                   k.abandoned,
                   k.abandoned * (c.wait_seconds < st.short_abandon)::int AS abandoned_short,
                   k.abandoned * (c.wait_seconds <= st.service_level)::int AS abandoned_within_sl,
                   (k.answered + k.outbound_answered) * coalesce(c.talk_seconds, 0) AS talk,
                   (k.answered + k.outbound_answered) * coalesce(c.hold_seconds, 0) AS hold,
                   (k.answered + k.outbound_answered) * (c.talk_seconds IS NOT NULL)::int AS timed
            FROM calls c
            CROSS JOIN (SELECT ?::text AS default_zone, ?::int AS service_level, ?::int AS short_abandon) st
            LEFT JOIN cities ci ON ci.id = c.city_id
            CROSS JOIN LATERAL (SELECT coalesce(ci.timezone, st.default_zone) AS zone) z
            CROSS JOIN LATERAL (SELECT (c.direction = 'inbound' AND c.status <> 'ringing')::int AS inbound,
                                       (c.direction = 'inbound' AND c.status = 'answered')::int AS answered,
                                       (c.direction = 'outbound' AND c.status <> 'ringing')::int AS outbound,
                                       (c.direction = 'outbound' AND c.status = 'answered')::int AS outbound_answered,
                                       (c.direction = 'inbound' AND c.status = 'missed'
                                            AND c.missed_reason IS NOT DISTINCT FROM 'abandoned')::int AS abandoned) k""";

    private CallFacts() {
    }

    /** The facts of calls rows, ending with its joins so that a WHERE on {@code c} may follow. */
    static Sql source(StatsSettings settings) {
        return new Sql(SOURCE, settings.defaultZone().getId(), settings.serviceLevelSeconds(), settings.shortAbandonSeconds());
    }
}

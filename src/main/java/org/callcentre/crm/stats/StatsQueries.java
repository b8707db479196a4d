package org.callcentre.crm.stats;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.SqlFilter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every statement the statistics endpoints read with. All but the open work-status periods and the
 * waiting calls read rollups; each is a range of days on an index of its table.
 */
@Singleton
class StatsQueries {
    /** A call with no news for this long is taken as lost, not as waiting (as on the presence wallboard). */
    static final Duration LONGEST_WAIT = Duration.ofHours(12);
    private static final String OF_CITY_OPERATORS = "operator_id IN (SELECT id FROM operators WHERE city_id = ?)";

    private final StatsSettings settings;

    StatsQueries(StatsSettings settings) {
        this.settings = settings;
    }

    Sql operatorCallsByDay(long operatorId, StatsPeriod period) {
        return sums(CallFacts.KEPT.kind(), "stats_call_operator_day", "day", days(period).always("operator_id = ?", operatorId));
    }

    Sql operatorOrdersByDay(long operatorId, StatsPeriod period) {
        return sums(OrderFacts.KEPT.kind(), "stats_order_operator_day", "day", days(period).always("operator_id = ?", operatorId));
    }

    Sql allCallsByDay(StatsPeriod period) {
        return sums(CallFacts.KEPT.kind(), "stats_call_campaign_day", "day", days(period));
    }

    Sql allOrdersByDay(StatsPeriod period) {
        return sums(OrderFacts.KEPT.kind(), "stats_order_campaign_day", "day", days(period));
    }

    /** @param cityId operators of this city only; null for all */
    Sql callsByOperator(StatsPeriod period, Long cityId) {
        return sums(CallFacts.KEPT.kind(), "stats_call_operator_day", "operator_id", days(period).when(cityId, OF_CITY_OPERATORS));
    }

    Sql ordersByOperator(StatsPeriod period, Long cityId) {
        return sums(OrderFacts.KEPT.kind(), "stats_order_operator_day", "operator_id", days(period).when(cityId, OF_CITY_OPERATORS));
    }

    /** Time in closed work-status periods. */
    Sql statusByOperator(StatsPeriod period, Long cityId) {
        return sums(StatusPieces.KIND, "stats_status_operator_day", "operator_id", days(period).when(cityId, OF_CITY_OPERATORS));
    }

    /** Time in the work-status periods still open, up to {@code now}. */
    Sql openStatusByOperator(StatsPeriod period, Long cityId, Instant now) {
        return afterOpenPieces(period, now, "operator_id", days(period).when(cityId, OF_CITY_OPERATORS));
    }

    /** Without a campaign, from the city rollup: a campaign's hours would be read only to be added up again. */
    Sql callsByHour(StatsPeriod period, Long cityId, String rk) {
        return sums(CallFacts.KEPT.kind(), rk == null ? "stats_call_city_hour" : "stats_call_campaign_hour", "hour",
                days(period).when(cityId, "city_id = ?").when(rk, "rk = ?"));
    }

    /** Answered and abandoned calls within a threshold other than the one the rollups count with. */
    Sql withinThresholdByHour(StatsPeriod period, Long cityId, String rk, int thresholdSeconds) {
        SqlFilter filter = days(period).when(cityId, "city_id = ?").when(rk, "rk = ?");
        List<Object> params = new ArrayList<>(List.of(thresholdSeconds, thresholdSeconds));
        params.addAll(List.of(filter.params()));
        return new Sql("SELECT hour, sum(answered * (wait_seconds <= ?)::int) AS answered_within_sl, "
                + "sum(abandoned * (wait_seconds <= ?)::int) AS abandoned_within_sl FROM stats_call_facts" + filter.where()
                + " GROUP BY hour", params);
    }

    /** Time in closed work-status periods by the local hour of operators' cities. */
    Sql statusByHour(StatsPeriod period, Long cityId) {
        return sums(StatusPieces.KIND, "stats_status_city_hour", "hour", days(period).when(cityId, "city_id = ?"));
    }

    Sql openStatusByHour(StatsPeriod period, Long cityId, Instant now) {
        return afterOpenPieces(period, now, "hour", days(period).when(cityId, "city_id = ?"));
    }

    Sql callsByCity(StatsPeriod period) {
        return sums(CallFacts.KEPT.kind(), "stats_call_campaign_day", "city_id", days(period));
    }

    Sql ordersByCity(StatsPeriod period) {
        return sums(OrderFacts.KEPT.kind(), "stats_order_campaign_day", "city_id", days(period));
    }

    Sql callsByCampaign(StatsPeriod period) {
        return sums(CallFacts.KEPT.kind(), "stats_call_campaign_day", "rk", days(period));
    }

    Sql ordersByCampaign(StatsPeriod period) {
        return sums(OrderFacts.KEPT.kind(), "stats_order_campaign_day", "rk", days(period));
    }

    /** Users who take calls, and anyone else with figures, of one city or all. */
    Sql operators(Long cityId, Collection<Long> withFigures) {
        SqlFilter filter = new SqlFilter().always("(o.role = 'operator' OR o.sip_address IS NOT NULL OR o.id = ANY (?::bigint[]))",
                withFigures).when(cityId, "o.city_id = ?");
        return new Sql("SELECT o.id, o.name, c.name AS city FROM operators o LEFT JOIN cities c ON c.id = o.city_id"
                + filter.where() + " ORDER BY o.id", filter.params());
    }

    /** Inbound calls ringing now: how many, and when the longest-waiting one began. */
    Sql callsWaiting(Instant now) {
        return new Sql("SELECT count(*) AS waiting, min(created_at) AS oldest FROM calls "
                + "WHERE status = 'ringing' AND direction = 'inbound' AND created_at > ?", now.minus(LONGEST_WAIT));
    }

    private static SqlFilter days(StatsPeriod period) {
        return new SqlFilter().always("day BETWEEN ? AND ?", period.start(), period.end());
    }

    private static Sql sums(FactKind kind, String from, String groupBy, SqlFilter filter) {
        String sums = kind.measures().stream().map(m -> "sum(" + m + ") AS " + m).collect(Collectors.joining(", "));
        return new Sql("SELECT " + groupBy + ", " + sums + " FROM " + from + filter.where() + " GROUP BY " + groupBy,
                filter.params());
    }

    private Sql afterOpenPieces(StatsPeriod period, Instant now, String groupBy, SqlFilter filter) {
        Sql open = StatusPieces.openUntil(settings, period.earliestInstant(), now);
        Sql sums = sums(StatusPieces.KIND, "delta", groupBy, filter);
        List<Object> params = new ArrayList<>(open.params());
        params.addAll(sums.params());
        return new Sql(open.text() + " " + sums.text(), params);
    }
}

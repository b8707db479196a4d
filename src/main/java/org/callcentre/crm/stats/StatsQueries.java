package org.callcentre.crm.stats;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.SqlFilter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Every statement the statistics endpoints read with. All but the open work-status periods, the
 * waiting calls and another service-level threshold read rollups; each is a range of days (or of
 * months) on an index of its table, and a figure summed over a period reads its head and tail days
 * and its whole months, so the rows read do not grow with the period's length.
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
        return sums(CallFacts.KEPT.kind(), "stats_call_centre_day", "day", days(period));
    }

    Sql allOrdersByDay(StatsPeriod period) {
        return sums(OrderFacts.KEPT.kind(), "stats_order_centre_day", "day", days(period));
    }

    /** @param cityId operators of this city only; null for all */
    Sql callsByOperator(StatsPeriod period, Long cityId) {
        return spanned(CallFacts.KEPT.kind(), "stats_call_operator", "operator_id", period, keys -> keys.when(cityId, OF_CITY_OPERATORS));
    }

    Sql ordersByOperator(StatsPeriod period, Long cityId) {
        return spanned(OrderFacts.KEPT.kind(), "stats_order_operator", "operator_id", period, keys -> keys.when(cityId, OF_CITY_OPERATORS));
    }

    /** Time in closed work-status periods. */
    Sql statusByOperator(StatsPeriod period, Long cityId) {
        return spanned(StatusPieces.KIND, "stats_status_operator", "operator_id", period, keys -> keys.when(cityId, OF_CITY_OPERATORS));
    }

    /** Time in the work-status periods still open, up to {@code now}. */
    Sql openStatusByOperator(StatsPeriod period, Long cityId, Instant now) {
        return afterOpenPieces(period, now, "operator_id", days(period).when(cityId, OF_CITY_OPERATORS));
    }

    /**
     * Without a campaign, from the city rollup, and without a city either, from the centre's: a
     * campaign's (a city's) hours would be read only to be added up again.
     */
    Sql callsByHour(StatsPeriod period, Long cityId, String rk) {
        String rollup = rk != null ? "stats_call_campaign" : cityId != null ? "stats_call_city" : "stats_call_centre";
        return composed(CallFacts.KEPT.kind(), rollup, "hour", period, keys -> keys.when(cityId, "city_id = ?").when(rk, "rk = ?"));
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
        return composed(StatusPieces.KIND, cityId == null ? "stats_status_centre" : "stats_status_city", "hour", period,
                keys -> keys.when(cityId, "city_id = ?"));
    }

    Sql openStatusByHour(StatsPeriod period, Long cityId, Instant now) {
        return afterOpenPieces(period, now, "hour", days(period).when(cityId, "city_id = ?"));
    }

    Sql callsByCity(StatsPeriod period) {
        return composed(CallFacts.KEPT.kind(), "stats_call_city", "city_id", period, keys -> keys);
    }

    Sql ordersByCity(StatsPeriod period) {
        return composed(OrderFacts.KEPT.kind(), "stats_order_city", "city_id", period, keys -> keys);
    }

    /** Calls by the disposition their operators picked (those without one are not in it). */
    Sql callsByDisposition(StatsPeriod period, Long cityId) {
        return spanned(CallFacts.KEPT.kind(), "stats_call_disposition", "disposition_id", period, keys -> keys.when(cityId, "city_id = ?"));
    }

    /** Cancelled orders by their reason. */
    Sql ordersByCancelReason(StatsPeriod period, Long cityId) {
        return composed(OrderFacts.KEPT.kind(), "stats_order_reason", "cancel_reason_id", period, keys -> keys.when(cityId, "city_id = ?"));
    }

    Sql callsByCampaign(StatsPeriod period) {
        return spanned(CallFacts.KEPT.kind(), "stats_call_campaign", "rk", period, keys -> keys);
    }

    Sql ordersByCampaign(StatsPeriod period) {
        return spanned(OrderFacts.KEPT.kind(), "stats_order_campaign", "rk", period, keys -> keys);
    }

    /** Chats and their rounds by the operator they count under (of operators of one city, or all). */
    Sql chatsByOperator(StatsPeriod period, Long cityId) {
        return spanned(ChatFacts.READ, "stats_chat_operator", "operator_id", period, keys -> keys.when(cityId, OF_CITY_OPERATORS));
    }

    Sql chatsByCity(StatsPeriod period) {
        return composed(ChatFacts.READ, "stats_chat_city", "city_id", period, keys -> keys);
    }

    /** Of one city from its rollup, of all from the centre's. */
    Sql chatsByDay(StatsPeriod period, Long cityId) {
        return cityId == null ? sums(ChatFacts.READ, "stats_chat_centre_day", "day", days(period))
                : sums(ChatFacts.READ, "stats_chat_city_day", "day", days(period).always("city_id = ?", cityId));
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

    /** Chats whose SLA episode runs (conversations_sla_running_idx): untaken ones in the queue, and overdue ones. */
    Sql chatsWaiting() {
        return new Sql("SELECT count(*) FILTER (WHERE status = 'queued' AND assignee_id IS NULL) AS waiting, "
                + "count(*) FILTER (WHERE first_response_breached OR resolution_breached) AS overdue FROM conversations "
                + "WHERE waiting_since IS NOT NULL AND resolved_at IS NULL");
    }

    private static SqlFilter days(StatsPeriod period) {
        return new SqlFilter().always("day BETWEEN ? AND ?", period.start(), period.end());
    }

    private static Sql sums(FactKind kind, String from, String groupBy, SqlFilter filter) {
        String sums = kind.measures().stream().map(m -> "sum(" + m + ") AS " + m).collect(Collectors.joining(", "));
        return new Sql("SELECT " + groupBy + ", " + sums + " FROM " + from + filter.where() + " GROUP BY " + groupBy,
                filter.params());
    }

    /**
     * Sums of a period read as its head days, whole months and tail days ({@link StatsPeriod#pieces}),
     * from the rollup {@code rollup + "_day"} (or {@code _hour}, by day and hour) and its month twin
     * {@code rollup + "_month"} ({@code _month_hour}): each piece a range on an index, and at most about
     * 61 day rows and a row a month per key, however long the period.
     *
     * @param keys adds the conditions on keys (operator, city, campaign) to each piece's filter
     */
    private static Sql composed(FactKind kind, String rollup, String groupBy, StatsPeriod period, UnaryOperator<SqlFilter> keys) {
        boolean hourly = groupBy.equals("hour");
        String dayTable = rollup + (hourly ? "_hour" : "_day");
        String monthTable = rollup + (hourly ? "_month_hour" : "_month");
        StatsPeriod.Pieces pieces = period.pieces();
        String columns = groupBy + ", " + String.join(", ", kind.measures());
        List<Object> params = new ArrayList<>();
        List<String> selects = new ArrayList<>();
        for (Map.Entry<String, SqlFilter> piece : List.of(
                Map.entry(dayTable, new SqlFilter().always("day BETWEEN ? AND ?", pieces.headFrom(), pieces.headTo())),
                Map.entry(monthTable, new SqlFilter().always(FactKind.MONTH + " BETWEEN ? AND ?", pieces.firstMonth(), pieces.lastMonth())),
                Map.entry(dayTable, new SqlFilter().always("day BETWEEN ? AND ?", pieces.tailFrom(), pieces.tailTo())))) {
            SqlFilter filter = keys.apply(piece.getValue());
            selects.add("SELECT " + columns + " FROM " + piece.getKey() + filter.where());
            params.addAll(List.of(filter.params()));
        }
        Sql sums = sums(kind, "(" + String.join(" UNION ALL ", selects) + ") pieces", groupBy, new SqlFilter());
        return new Sql(sums.text(), params);
    }

    /**
     * Sums of a period read as its aligned spans ({@link StatsPeriod#spans}): the days in no whole span from the
     * rollup {@code rollup + "_day"}, the rest from {@code rollup + "_span"}, each an index lookup. For
     * the lists of every operator, campaign or disposition, whose keys are many: at most 14 rows per key
     * for any range up to a year, where head days, months and tail days read up to 72.
     *
     * @param keys adds the conditions on keys (operator, city, campaign) to each piece's filter
     */
    private static Sql spanned(FactKind kind, String rollup, String groupBy, StatsPeriod period, UnaryOperator<SqlFilter> keys) {
        StatsPeriod.Spans spans = period.spans();
        String columns = groupBy + ", " + String.join(", ", kind.measures());
        SqlFilter days = keys.apply(new SqlFilter().always("day = ANY (?::date[])", spans.days()));
        SqlFilter spanned = keys.apply(new SqlFilter().always("(" + FactKind.SPAN_LEVEL + ", " + FactKind.SPAN
                + ") IN (SELECT * FROM unnest(?::smallint[], ?::date[]))", spans.levels(), spans.starts()));
        List<Object> params = new ArrayList<>(List.of(days.params()));
        params.addAll(List.of(spanned.params()));
        Sql sums = sums(kind, "(SELECT " + columns + " FROM " + rollup + "_day" + days.where() + " UNION ALL SELECT " + columns
                + " FROM " + rollup + "_span" + spanned.where() + ") pieces", groupBy, new SqlFilter());
        return new Sql(sums.text(), params);
    }

    private Sql afterOpenPieces(StatsPeriod period, Instant now, String groupBy, SqlFilter filter) {
        Sql open = StatusPieces.openUntil(settings, period.earliestInstant(), now);
        Sql sums = sums(StatusPieces.KIND, "delta", groupBy, filter);
        List<Object> params = new ArrayList<>(open.params());
        params.addAll(sums.params());
        return new Sql(open.text() + " " + sums.text(), params);
    }
}

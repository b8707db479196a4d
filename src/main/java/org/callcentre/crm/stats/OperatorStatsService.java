package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Fields;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code /operators}: every operator's row for a period, of one city (the operators' own) or all. */
@Singleton
class OperatorStatsService {
    private final StatsReader reader;
    private final StatsQueries queries;
    private final StatsRequests requests;
    private final StatsSettings settings;
    private final Clock clock;

    OperatorStatsService(StatsReader reader, StatsQueries queries, StatsRequests requests, StatsSettings settings, Clock clock) {
        this.reader = reader;
        this.queries = queries;
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param order {@code asc} or {@code desc}; by default names ascend and figures descend */
    @Transactional(readOnly = true)
    public List<OperatorStats> list(String startDate, String endDate, String city, String sort, String order) {
        Fields f = new Fields();
        Long cityId = requests.cityId(f, city);
        String sortBy = sort == null || sort.isBlank() ? "name" : f.oneOf("sort", sort.trim(), new TreeSet<>(OperatorStats.SORTS.keySet()), true);
        String direction = f.oneOf("order", order == null || order.isBlank() ? null : order.trim(), List.of("asc", "desc"), false);
        f.throwIfAny();
        StatsPeriod period = requests.period(startDate, endDate, cityId);

        Map<Long, CallSums> calls = reader.rollups(queries.callsByOperator(period, cityId), period, GroupKeys::operator, CallSums::read);
        Map<Long, OrderSums> orders = reader.rollups(queries.ordersByOperator(period, cityId), period, GroupKeys::operator, OrderSums::read);
        Map<Long, StatusSums> status = new HashMap<>(
                reader.rollups(queries.statusByOperator(period, cityId), period, GroupKeys::operator, StatusSums::read));
        reader.live(queries.openStatusByOperator(period, cityId, clock.instant()), GroupKeys::operator, StatusSums::read)
                .forEach((operator, open) -> status.merge(operator, open, StatusSums::plus));

        Set<Long> withFigures = new HashSet<>(calls.keySet());
        withFigures.addAll(orders.keySet());
        withFigures.addAll(status.keySet());
        List<OperatorStats> rows = reader.live(queries.operators(cityId, withFigures), rs -> OperatorStats.of(rs.getLong("id"),
                rs.getString("name"), rs.getString("city"), calls.getOrDefault(rs.getLong("id"), CallSums.NONE),
                orders.getOrDefault(rs.getLong("id"), OrderSums.NONE), status.getOrDefault(rs.getLong("id"), StatusSums.NONE),
                settings.wrapUpSeconds()));
        Comparator<OperatorStats> comparator = OperatorStats.SORTS.get(sortBy);
        boolean descending = direction == null ? !"name".equals(sortBy) : "desc".equals(direction);
        return rows.stream().sorted(descending ? comparator.reversed() : comparator).toList();
    }
}

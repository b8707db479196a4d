package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * {@code /dispositions} and {@code /cancel-reasons}: what calls ended in and why orders were
 * cancelled, from the rollups kept by disposition and by reason. Every entry of the list is a row,
 * with zeros when unused, in the list's order.
 */
@Singleton
class ResultCodeStatsService {
    private final StatsReader reader;
    private final StatsQueries queries;
    private final StatsDirectory directory;
    private final StatsRequests requests;

    ResultCodeStatsService(StatsReader reader, StatsQueries queries, StatsDirectory directory, StatsRequests requests) {
        this.reader = reader;
        this.queries = queries;
        this.directory = directory;
        this.requests = requests;
    }

    @Transactional(readOnly = true)
    public List<ResultCodeStats> dispositions(String startDate, String endDate, String city) {
        Long cityId = requests.cityId(city);
        StatsPeriod period = requests.period(startDate, endDate, cityId);
        Map<Long, CallSums> calls = reader.rollups(queries.callsByDisposition(period, cityId), period, GroupKeys::disposition, CallSums::read);
        return directory.resultCodes("disposition").stream().map(code -> {
            CallSums sums = calls.getOrDefault(code.id(), CallSums.NONE);
            return new ResultCodeStats(code.id(), code.name(), sums.handled(),
                    sums.timed() == 0 ? null : Math.round((double) sums.talk() / sums.timed()));
        }).toList();
    }

    @Transactional(readOnly = true)
    public List<ResultCodeStats> cancelReasons(String startDate, String endDate, String city) {
        Long cityId = requests.cityId(city);
        StatsPeriod period = requests.period(startDate, endDate, cityId);
        Map<Long, OrderSums> orders = reader.rollups(queries.ordersByCancelReason(period, cityId), period, GroupKeys::cancelReason,
                OrderSums::read);
        return directory.resultCodes("cancel_reason").stream()
                .map(code -> new ResultCodeStats(code.id(), code.name(), orders.getOrDefault(code.id(), OrderSums.NONE).cancelled(), null))
                .toList();
    }
}

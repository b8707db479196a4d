package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.auth.Role;
import org.callcentre.crm.shared.ApiException;

import java.util.Objects;

/** {@code /my}, {@code /operator/{id}} and {@code /overall}: one operator's or the whole centre's period. */
@Singleton
class PeriodStatsService {
    private final StatsReader reader;
    private final StatsQueries queries;
    private final StatsDirectory directory;
    private final StatsRequests requests;
    private final StatsSettings settings;

    PeriodStatsService(StatsReader reader, StatsQueries queries, StatsDirectory directory, StatsRequests requests, StatsSettings settings) {
        this.reader = reader;
        this.queries = queries;
        this.directory = directory;
        this.requests = requests;
        this.settings = settings;
    }

    /** Days are those of the operator's city; an operator may ask only about themselves. */
    @Transactional(readOnly = true)
    public PeriodStats ofOperator(long operatorId, String startDate, String endDate, Actor actor) {
        if (actor.is(Role.operator) && !Objects.equals(actor.id(), operatorId)) {
            throw ApiException.forbidden("Operators see only their own statistics");
        }
        Long cityId = directory.cityOfOperator(operatorId).orElse(null);
        StatsPeriod period = requests.period(startDate, endDate, cityId);
        return PeriodStats.of(period,
                reader.rollups(queries.operatorCallsByDay(operatorId, period), period, GroupKeys::day, CallSums::read),
                reader.rollups(queries.operatorOrdersByDay(operatorId, period), period, GroupKeys::day, OrderSums::read),
                settings.wrapUpSeconds());
    }

    /** Days are those of the default zone; each call and order counts on its own city's day. */
    @Transactional(readOnly = true)
    public PeriodStats overall(String startDate, String endDate) {
        StatsPeriod period = requests.centrePeriod(startDate, endDate);
        return PeriodStats.of(period,
                reader.rollups(queries.allCallsByDay(period), period, GroupKeys::day, CallSums::read),
                reader.rollups(queries.allOrdersByDay(period), period, GroupKeys::day, OrderSums::read),
                settings.wrapUpSeconds());
    }
}

package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code /cities} and {@code /campaigns}: which city and which campaign brings calls, orders and
 * revenue. Every city and campaign is listed, with zeros when quiet; figures of a campaign or city
 * that no longer exists, or of none, follow in rows of their own.
 */
@Singleton
class SourceStatsService {
    private final StatsReader reader;
    private final StatsQueries queries;
    private final StatsDirectory directory;
    private final StatsSettings settings;
    private final Clock clock;

    SourceStatsService(StatsReader reader, StatsQueries queries, StatsDirectory directory, StatsSettings settings, Clock clock) {
        this.reader = reader;
        this.queries = queries;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SourceStats> cities(String startDate, String endDate) {
        StatsPeriod period = period(startDate, endDate);
        Map<Long, CallSums> calls = reader.rollups(queries.callsByCity(period), period, GroupKeys::city, CallSums::read);
        Map<Long, OrderSums> orders = reader.rollups(queries.ordersByCity(period), period, GroupKeys::city, OrderSums::read);
        List<SourceStats> rows = new ArrayList<>();
        Set<Long> listed = new HashSet<>();
        for (StatsDirectory.Named city : directory.cities()) {
            listed.add(city.id());
            rows.add(SourceStats.of(city.id(), city.name(), null, null, calls.getOrDefault(city.id(), CallSums.NONE),
                    orders.getOrDefault(city.id(), OrderSums.NONE)));
        }
        unlisted(calls.keySet(), orders.keySet(), listed).forEach(id -> rows.add(SourceStats.of(id, null, null, null,
                calls.getOrDefault(id, CallSums.NONE), orders.getOrDefault(id, OrderSums.NONE))));
        return rows;
    }

    @Transactional(readOnly = true)
    public List<SourceStats> campaigns(String startDate, String endDate) {
        StatsPeriod period = period(startDate, endDate);
        Map<String, CallSums> calls = reader.rollups(queries.callsByCampaign(period), period, GroupKeys::campaign, CallSums::read);
        Map<String, OrderSums> orders = reader.rollups(queries.ordersByCampaign(period), period, GroupKeys::campaign, OrderSums::read);
        List<SourceStats> rows = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (StatsDirectory.CampaignName campaign : directory.campaigns()) {
            listed.add(campaign.rk());
            rows.add(SourceStats.of(null, campaign.city(), campaign.rk(), campaign.source(),
                    calls.getOrDefault(campaign.rk(), CallSums.NONE), orders.getOrDefault(campaign.rk(), OrderSums.NONE)));
        }
        unlisted(calls.keySet(), orders.keySet(), listed).forEach(rk -> rows.add(SourceStats.of(null, null, rk, null,
                calls.getOrDefault(rk, CallSums.NONE), orders.getOrDefault(rk, OrderSums.NONE))));
        return rows;
    }

    private StatsPeriod period(String startDate, String endDate) {
        return StatsPeriod.parse(startDate, endDate, settings.defaultZone(), clock, settings.maxSpanDays());
    }

    /** Groups with figures that the directory does not list (null among them), in a stable order. */
    private static <K> List<K> unlisted(Set<K> withCalls, Set<K> withOrders, Set<K> listed) {
        Set<K> keys = new HashSet<>(withCalls);
        keys.addAll(withOrders);
        keys.removeAll(listed);
        return keys.stream().sorted(Comparator.comparing(Objects::toString)).toList();
    }
}

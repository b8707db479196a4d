package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    private final StatsRequests requests;

    SourceStatsService(StatsReader reader, StatsQueries queries, StatsDirectory directory, StatsRequests requests) {
        this.reader = reader;
        this.queries = queries;
        this.directory = directory;
        this.requests = requests;
    }

    /** How a group's row reads, given its key and its sums. */
    private interface RowOf<K> {
        SourceStats row(K key, CallSums calls, OrderSums orders);
    }

    @Transactional(readOnly = true)
    public List<SourceStats> cities(String startDate, String endDate) {
        StatsPeriod period = requests.centrePeriod(startDate, endDate);
        Map<Long, String> names = new LinkedHashMap<>();
        directory.cities().forEach(city -> names.put(city.id(), city.name()));
        return rows(names.keySet(), reader.rollups(queries.callsByCity(period), period, GroupKeys::city, CallSums::read),
                reader.rollups(queries.ordersByCity(period), period, GroupKeys::city, OrderSums::read),
                (id, calls, orders) -> SourceStats.of(id, names.get(id), null, null, calls, orders));
    }

    @Transactional(readOnly = true)
    public List<SourceStats> campaigns(String startDate, String endDate) {
        StatsPeriod period = requests.centrePeriod(startDate, endDate);
        Map<String, StatsDirectory.CampaignName> campaigns = new LinkedHashMap<>();
        directory.campaigns().forEach(campaign -> campaigns.put(campaign.rk(), campaign));
        return rows(campaigns.keySet(), reader.rollups(queries.callsByCampaign(period), period, GroupKeys::campaign, CallSums::read),
                reader.rollups(queries.ordersByCampaign(period), period, GroupKeys::campaign, OrderSums::read),
                (rk, calls, orders) -> {
                    StatsDirectory.CampaignName campaign = campaigns.get(rk);
                    return SourceStats.of(null, campaign == null ? null : campaign.city(), rk,
                            campaign == null ? null : campaign.source(), calls, orders);
                });
    }

    /** A row per listed group, then one per group with figures that is not listed (null among them), in a stable order. */
    private static <K> List<SourceStats> rows(Set<K> listed, Map<K, CallSums> calls, Map<K, OrderSums> orders, RowOf<K> row) {
        Set<K> unlisted = new HashSet<>(calls.keySet());
        unlisted.addAll(orders.keySet());
        unlisted.removeAll(listed);
        List<K> keys = new ArrayList<>(listed);
        unlisted.stream().sorted(Comparator.comparing(Objects::toString)).forEach(keys::add);
        return keys.stream().map(key -> row.row(key, calls.getOrDefault(key, CallSums.NONE), orders.getOrDefault(key, OrderSums.NONE)))
                .toList();
    }
}

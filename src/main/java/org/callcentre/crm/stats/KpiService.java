package org.callcentre.crm.stats;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Fields;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** {@code /kpi} and the wallboard's "today": service level, abandonment, ASA, AHT and occupancy. */
@Singleton
class KpiService {
    private static final List<Integer> HOURS = IntStream.range(0, 24).boxed().toList();

    private final StatsReader reader;
    private final StatsQueries queries;
    private final StatsDirectory directory;
    private final StatsRequests requests;
    private final StatsSettings settings;
    private final Clock clock;

    KpiService(StatsReader reader, StatsQueries queries, StatsDirectory directory, StatsRequests requests,
               StatsSettings settings, Clock clock) {
        this.reader = reader;
        this.queries = queries;
        this.directory = directory;
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param city      the calls of this city, and the time of its operators; days in its zone
     * @param rk        the calls of this campaign
     * @param threshold service-level seconds instead of {@code crm.stats.service-level-seconds}
     */
    @Transactional(readOnly = true)
    public KpiReport report(String startDate, String endDate, String city, String rk, String threshold) {
        Fields f = new Fields();
        Long cityId = requests.cityId(f, city);
        String campaign = rk == null || rk.isBlank() ? null : f.attempt("rk", () -> directory.requireCampaign("rk", rk));
        Integer seconds = f.attempt("threshold", () -> threshold(threshold));
        f.throwIfAny();
        StatsPeriod period = requests.period(startDate, endDate, cityId);
        Hours hours = hours(period, cityId, campaign, seconds);
        return new KpiReport(period.start(), period.end(), cityId == null ? null : city.trim(), campaign, seconds,
                settings.shortAbandonSeconds(), settings.wrapUpSeconds(), hours.total(),
                HOURS.stream().map(h -> new KpiReport.Hour(h, hours.of(h))).toList());
    }

    /** Today's figures of every city, for the wallboard. */
    @Transactional(readOnly = true)
    public Kpi today() {
        return hours(requests.today(), null, null, settings.serviceLevelSeconds()).total();
    }

    /** Calls and working time by local hour; occupancy is left out for one campaign's calls. */
    private record Hours(Map<Integer, CallSums> calls, Map<Integer, Long> working, int wrapUpSeconds, boolean withOccupancy) {
        Kpi of(int hour) {
            return Kpi.of(calls.getOrDefault(hour, CallSums.NONE), working.getOrDefault(hour, 0L), wrapUpSeconds, withOccupancy);
        }

        Kpi total() {
            return Kpi.of(calls.values().stream().reduce(CallSums.NONE, CallSums::plus),
                    working.values().stream().mapToLong(Long::longValue).sum(), wrapUpSeconds, withOccupancy);
        }
    }

    private Hours hours(StatsPeriod period, Long cityId, String rk, int thresholdSeconds) {
        Map<Integer, CallSums> calls = new HashMap<>(
                reader.rollups(queries.callsByHour(period, cityId, rk), period, GroupKeys::hour, CallSums::read));
        if (thresholdSeconds != settings.serviceLevelSeconds()) {
            reader.rollups(queries.withinThresholdByHour(period, cityId, rk, thresholdSeconds), period, GroupKeys::hour,
                            rs -> new long[] {rs.getLong("answered_within_sl"), rs.getLong("abandoned_within_sl")})
                    .forEach((hour, within) -> calls.computeIfPresent(hour, (h, sums) -> sums.withinThreshold(within[0], within[1])));
        }
        boolean withOccupancy = rk == null;
        return new Hours(calls, withOccupancy ? workingByHour(period, cityId) : Map.of(), settings.wrapUpSeconds(), withOccupancy);
    }

    private Map<Integer, Long> workingByHour(StatsPeriod period, Long cityId) {
        Instant now = clock.instant();
        Map<Integer, Long> working = new HashMap<>();
        reader.rollups(queries.statusByHour(period, cityId), period, GroupKeys::hour, StatusSums::read)
                .forEach((hour, sums) -> working.merge(hour, sums.working(), Long::sum));
        reader.live(queries.openStatusByHour(period, cityId, now), GroupKeys::hour, StatusSums::read)
                .forEach((hour, sums) -> working.merge(hour, sums.working(), Long::sum));
        return working;
    }

    private int threshold(String text) {
        if (text == null || text.isBlank()) {
            return settings.serviceLevelSeconds();
        }
        try {
            int seconds = Integer.parseInt(text.trim());
            if (seconds >= 0 && seconds <= StatsSettings.LONGEST_THRESHOLD) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // the message below says what is wanted
        }
        throw ApiException.badField("threshold", "must be whole seconds from 0 to " + StatsSettings.LONGEST_THRESHOLD);
    }
}

package org.callcentre.crm.stats;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.ZoneId;

/**
 * What the figures depend on besides the rows: the zone of days when no city applies, the
 * service-level and short-abandon thresholds, the wrap-up time a handled call is charged, and the
 * longest range a request may ask for.
 */
@Singleton
class StatsSettings {
    /** Thresholds longer than an hour are not service levels; the bound keeps a typo from passing. */
    static final int LONGEST_THRESHOLD = 3600;

    private final ZoneId defaultZone;
    private final int serviceLevelSeconds;
    private final int shortAbandonSeconds;
    private final int wrapUpSeconds;
    private final int maxSpanDays;

    public StatsSettings(@Value("${crm.default-timezone:Europe/Moscow}") String defaultZone,
                         @Value("${crm.stats.service-level-seconds:20}") int serviceLevelSeconds,
                         @Value("${crm.stats.short-abandon-seconds:5}") int shortAbandonSeconds,
                         @Value("${crm.presence.wrap-up:30}") int wrapUpSeconds,
                         @Value("${crm.stats.max-span-days:366}") int maxSpanDays) {
        require(serviceLevelSeconds >= 0 && serviceLevelSeconds <= LONGEST_THRESHOLD,
                "crm.stats.service-level-seconds must be 0…" + LONGEST_THRESHOLD + ", not " + serviceLevelSeconds);
        require(shortAbandonSeconds >= 0 && shortAbandonSeconds <= LONGEST_THRESHOLD,
                "crm.stats.short-abandon-seconds must be 0…" + LONGEST_THRESHOLD + ", not " + shortAbandonSeconds);
        require(wrapUpSeconds >= 0, "crm.presence.wrap-up must be 0 or more seconds, not " + wrapUpSeconds);
        require(maxSpanDays >= 1, "crm.stats.max-span-days must be at least 1, not " + maxSpanDays);
        this.defaultZone = ZoneId.of(defaultZone);
        this.serviceLevelSeconds = serviceLevelSeconds;
        this.shortAbandonSeconds = shortAbandonSeconds;
        this.wrapUpSeconds = wrapUpSeconds;
        this.maxSpanDays = maxSpanDays;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    public int serviceLevelSeconds() {
        return serviceLevelSeconds;
    }

    public int shortAbandonSeconds() {
        return shortAbandonSeconds;
    }

    public int wrapUpSeconds() {
        return wrapUpSeconds;
    }

    public int maxSpanDays() {
        return maxSpanDays;
    }
}

package org.callcentre.crm.stats;

import jakarta.inject.Singleton;
import org.callcentre.crm.cities.CityDirectory;
import org.callcentre.crm.shared.Fields;

import java.time.Clock;

/**
 * How every statistics request names what it asks about: a city by its name (to its id, a 400 naming
 * {@code city} when unknown) and a range of dates (to a {@link StatsPeriod} in that city's zone, or the
 * default zone, no longer than {@code crm.stats.max-span-days}).
 */
@Singleton
class StatsRequests {
    private final CityDirectory cities;
    private final StatsSettings settings;
    private final Clock clock;

    StatsRequests(CityDirectory cities, StatsSettings settings, Clock clock) {
        this.cities = cities;
        this.settings = settings;
        this.clock = clock;
    }

    /** The city's id, null for none named; an unknown name is recorded in {@code f} as a problem of {@code city}. */
    Long cityId(Fields f, String city) {
        return f.attempt("city", () -> cities.optionalId("city", city));
    }

    /** The city's id, null for none named; 400 for an unknown name. */
    Long cityId(String city) {
        Fields f = new Fields();
        Long cityId = cityId(f, city);
        f.throwIfAny();
        return cityId;
    }

    /** The days from {@code startDate} to {@code endDate} in the city's zone (the default zone for null). */
    StatsPeriod period(String startDate, String endDate, Long cityId) {
        return StatsPeriod.parse(startDate, endDate, cities.zone(cityId), clock, settings.maxSpanDays());
    }

    /** The days in the default zone: the whole centre's, each call and order counting on its own city's day. */
    StatsPeriod centrePeriod(String startDate, String endDate) {
        return StatsPeriod.parse(startDate, endDate, settings.defaultZone(), clock, settings.maxSpanDays());
    }

    /** Today in the default zone. */
    StatsPeriod today() {
        return StatsPeriod.today(settings.defaultZone(), clock);
    }
}

package org.callcentre.crm.reports;

import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.cities.CityDirectory;

import java.time.Clock;
import java.time.LocalDateTime;

/** When a report was made, in the local time of whoever asked for it. */
@Singleton
class ReportClock {
    private final Clock clock;
    private final CityDirectory cities;

    ReportClock(Clock clock, CityDirectory cities) {
        this.clock = clock;
        this.cities = cities;
    }

    LocalDateTime now(Actor actor) {
        return LocalDateTime.now(clock.withZone(cities.zone(actor.cityId())));
    }
}

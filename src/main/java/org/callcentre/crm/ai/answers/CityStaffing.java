package org.callcentre.crm.ai.answers;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.cities.City;
import org.callcentre.crm.cities.CityService;
import org.callcentre.crm.cities.DayHours;
import org.callcentre.crm.shared.Db;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * Whether an operator of a city is at work now: inside the city's working hours (a city without
 * hours set is never closed) and at least one active operator of the city in status "working".
 */
@Singleton
public class CityStaffing {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final CityService cities;
    private final Db db;

    public CityStaffing(CityService cities, Db db) {
        this.cities = cities;
        this.db = db;
    }

    @Transactional
    public boolean anyoneWorking(Long cityId, Instant now) {
        if (cityId == null) {
            return false;
        }
        City city = cities.get(cityId);
        if (!open(city.workingHours(), now.atZone(ZoneId.of(city.timezone())))) {
            return false;
        }
        return db.queryLong("SELECT count(*) FROM operators WHERE city_id = ? AND status = 'active' AND status_work = 'working'",
                cityId) > 0;
    }

    static boolean open(Map<String, DayHours> week, ZonedDateTime local) {
        if (week == null || week.isEmpty()) {
            return true;
        }
        DayHours today = week.get(DAYS.get(local.getDayOfWeek().getValue() - 1));
        if (today == null) {
            return false;
        }
        LocalTime time = local.toLocalTime();
        return !time.isBefore(LocalTime.parse(today.from())) && time.isBefore(LocalTime.parse(today.to()));
    }
}

package org.callcentre.crm.ai.answers;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.cities.City;
import org.callcentre.crm.cities.CityService;
import org.callcentre.crm.cities.WorkingWeek;
import org.callcentre.crm.shared.Db;

import java.time.Instant;

/**
 * Whether an operator of a city is at work now: inside the city's working hours (a city without
 * hours set is never closed) and at least one active operator of the city in status "working".
 */
@Singleton
public class CityStaffing {
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
        if (!WorkingWeek.of(city).isOpenAt(now)) {
            return false;
        }
        return db.queryLong("SELECT count(*) FROM operators WHERE city_id = ? AND status = 'active' AND status_work = 'working'",
                cityId) > 0;
    }
}

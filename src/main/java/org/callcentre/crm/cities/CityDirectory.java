package org.callcentre.crm.cities;

import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Db;

import java.time.ZoneId;
import java.util.Optional;

/** Turns the city names the API speaks into ids and time zones. */
@Singleton
public class CityDirectory {
    private final Db db;
    private final ZoneId defaultZone;

    public CityDirectory(Db db, @io.micronaut.context.annotation.Value("${crm.default-timezone:Europe/Moscow}") String defaultZone) {
        this.db = db;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    /** The id of a named city; an unknown name is a 400 on {@code field}. */
    public long requireId(String field, String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.badField(field, "is required");
        }
        return findId(name).orElseThrow(() -> ApiException.badField(field, "unknown city '" + name.trim() + "'"));
    }

    /** Like {@link #requireId} but a missing name stays null. */
    public Long optionalId(String field, String name) {
        return name == null || name.isBlank() ? null : requireId(field, name);
    }

    public Optional<Long> findId(String name) {
        return db.queryOne("SELECT id FROM cities WHERE name = ?", rs -> rs.getLong(1), name.trim());
    }

    public Optional<String> name(Long id) {
        return id == null ? Optional.empty() : db.queryOne("SELECT name FROM cities WHERE id = ?", rs -> rs.getString(1), id);
    }

    /** The zone in which a city's days start and end; the default zone when no city applies. */
    public ZoneId zone(Long cityId) {
        if (cityId == null) {
            return defaultZone;
        }
        return db.queryOne("SELECT timezone FROM cities WHERE id = ?", rs -> rs.getString(1), cityId)
                .map(ZoneId::of).orElse(defaultZone);
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }
}

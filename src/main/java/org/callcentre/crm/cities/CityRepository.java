package org.callcentre.crm.cities;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Page;
import org.callcentre.crm.shared.PageRequest;
import org.callcentre.crm.shared.PagedQuery;
import org.callcentre.crm.shared.SqlFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Singleton
public class CityRepository {
    private static final Argument<Map<String, DayHours>> WEEK = Argument.mapOf(String.class, DayHours.class);

    private final Db db;
    private final PagedQuery pages;
    private final ObjectMapper json;

    public CityRepository(Db db, PagedQuery pages, ObjectMapper json) {
        this.db = db;
        this.pages = pages;
        this.json = json;
    }

    public Optional<City> findById(long id) {
        return db.queryOne("SELECT * FROM cities WHERE id = ?", this::map, id);
    }

    public boolean nameTaken(String name, Long exceptId) {
        return db.queryLong("SELECT count(*) FROM cities WHERE name = ? AND id IS DISTINCT FROM ?", name, exceptId) > 0;
    }

    public Page<City> list(PageRequest page) {
        return pages.page("SELECT *", "FROM cities", new SqlFilter(), "created_at DESC, id DESC", this::map, page);
    }

    public long insert(String name, String timezone, Map<String, DayHours> workingHours, Integer firstResponseSeconds,
                       Integer resolutionSeconds) {
        return db.insert("INSERT INTO cities (name, timezone, working_hours, chat_first_response_seconds, chat_resolution_seconds) "
                        + "VALUES (?, ?, ?, ?, ?) RETURNING id",
                name, timezone, jsonb(workingHours), firstResponseSeconds, resolutionSeconds);
    }

    public void update(City city) {
        db.update("UPDATE cities SET name = ?, timezone = ?, working_hours = ?, chat_first_response_seconds = ?, "
                        + "chat_resolution_seconds = ?, updated_at = now() WHERE id = ?",
                city.name(), city.timezone(), jsonb(city.workingHours()), city.chatFirstResponseSeconds(),
                city.chatResolutionSeconds(), city.id());
    }

    /** The tables whose rows point at the city; a city in use cannot be deleted. */
    public List<String> usedBy(long id) {
        return db.query("SELECT 'operators' WHERE EXISTS (SELECT 1 FROM operators WHERE city_id = ?) "
                        + "UNION ALL SELECT 'campaigns' WHERE EXISTS (SELECT 1 FROM campaigns WHERE city_id = ?) "
                        + "UNION ALL SELECT 'orders' WHERE EXISTS (SELECT 1 FROM orders WHERE city_id = ?) "
                        + "UNION ALL SELECT 'calls' WHERE EXISTS (SELECT 1 FROM calls WHERE city_id = ?) "
                        + "UNION ALL SELECT 'clients' WHERE EXISTS (SELECT 1 FROM clients WHERE city_id = ?) "
                        + "UNION ALL SELECT 'masters' WHERE EXISTS (SELECT 1 FROM master_cities WHERE city_id = ?) "
                        + "UNION ALL SELECT 'sip lines' WHERE EXISTS (SELECT 1 FROM sip_lines WHERE city_id = ?)",
                rs -> rs.getString(1), id, id, id, id, id, id, id);
    }

    public void delete(long id) {
        db.update("DELETE FROM cities WHERE id = ?", id);
    }

    private City map(ResultSet rs) throws SQLException {
        return new City(rs.getLong("id"), rs.getString("name"), rs.getString("timezone"),
                week(rs.getString("working_hours")), Db.getInt(rs, "chat_first_response_seconds"),
                Db.getInt(rs, "chat_resolution_seconds"), Db.getInstant(rs, "created_at"), Db.getInstant(rs, "updated_at"));
    }

    private Map<String, DayHours> week(String document) {
        try {
            return WorkingHours.ordered(json.readValue(document, WEEK));
        } catch (IOException e) {
            throw new UncheckedIOException("cities.working_hours is not a week: " + document, e);
        }
    }

    private Db.Jsonb jsonb(Map<String, DayHours> week) {
        try {
            return new Db.Jsonb(json.writeValueAsString(week));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

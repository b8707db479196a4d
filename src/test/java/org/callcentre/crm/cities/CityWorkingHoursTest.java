package org.callcentre.crm.cities;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CityWorkingHoursTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api admin;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("boss", "admin", null, null);
        admin = new Api(client).login("boss", TestData.PASSWORD);
    }

    private Api.Reply createWith(Object workingHours) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Казань");
        body.put("timezone", "Europe/Moscow");
        body.put("workingHours", workingHours);
        return admin.post("/api/cities", body);
    }

    @Test
    void aFullWeekIsStoredAsJsonAndReturnedInDayOrder() {
        Map<String, Object> week = new LinkedHashMap<>();
        for (String day : List.of("sun", "sat", "fri", "thu", "wed", "tue", "mon")) {
            week.put(day, day.startsWith("s") ? null : Map.of("from", "08:30", "to", "20:00"));
        }
        Api.Reply created = createWith(week);
        assertEquals(201, created.status(), created.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> returned = (Map<String, Object>) created.data().get("workingHours");
        assertEquals(List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"), List.copyOf(returned.keySet()));
        assertEquals(week, returned);
        assertEquals("20:00", data.db().queryOne("SELECT working_hours->'fri'->>'to' FROM cities", rs -> rs.getString(1)).orElseThrow());
        assertTrue(data.db().queryOne("SELECT jsonb_exists(working_hours, 'sun') AND working_hours->'sun' = 'null'::jsonb FROM cities",
                rs -> rs.getBoolean(1)).orElseThrow());
    }

    @Test
    void withoutWorkingHoursTheWeekIsEmpty() {
        Api.Reply created = createWith(null);
        assertEquals(201, created.status(), created.toString());
        assertEquals(Map.of(), created.data().get("workingHours"));
    }

    @Test
    void badWeeksAre400NamingWorkingHoursAndWriteNothing() {
        List<Object> bad = List.of(
                Map.of("monday", Map.of("from", "09:00", "to", "18:00")),
                Map.of("mon", Map.of("from", "18:00", "to", "09:00")),
                Map.of("mon", Map.of("from", "09:00", "to", "09:00")),
                Map.of("mon", Map.of("from", "9:00", "to", "18:00")),
                Map.of("mon", Map.of("from", "09:00", "to", "24:00")),
                Map.of("mon", Map.of("from", "09:00")),
                Map.of("mon", "09:00-18:00"),
                Map.of("mon", Map.of("from", 9, "to", 18)));
        for (Object week : bad) {
            Api.Reply reply = createWith(week);
            assertEquals(400, reply.status(), week + " → " + reply);
            assertTrue(reply.errorFields().containsKey("workingHours"), reply.toString());
        }
        assertEquals(0, data.count("cities"));
    }

    @Test
    void aWeekThatIsNotAnObjectIs400() {
        Api.Reply reply = createWith("always");
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().containsKey("workingHours"), reply.toString());
        assertEquals(0, data.count("cities"));
    }
}

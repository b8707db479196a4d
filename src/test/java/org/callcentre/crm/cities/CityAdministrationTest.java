package org.callcentre.crm.cities;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CityAdministrationTest {
    private static final Map<String, Object> WEEKDAY = Map.of("from", "09:00", "to", "21:00");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api admin;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("boss", "admin", null, null);
        api = new Api(client);
        admin = api.login("boss", TestData.PASSWORD);
    }

    private static Map<String, Object> kazan() {
        Map<String, Object> week = new HashMap<>();
        week.put("mon", WEEKDAY);
        week.put("sun", null);
        return Map.of("name", "Казань", "timezone", "Europe/Moscow", "workingHours", week);
    }

    @Test
    void adminCreatesACityAndEveryoneCanReadIt() {
        Api.Reply created = admin.post("/api/cities", kazan());
        assertEquals(201, created.status(), created.toString());
        assertEquals("Казань", created.data().get("name"));
        assertEquals("Europe/Moscow", created.data().get("timezone"));
        Map<String, Object> week = new HashMap<>();
        week.put("mon", WEEKDAY);
        week.put("sun", null);
        assertEquals(week, created.data().get("workingHours"));

        long id = ((Number) created.data().get("id")).longValue();
        data.user("olga", "operator", id, "101");
        Api operator = api.login("olga", TestData.PASSWORD);
        Api.Reply read = operator.get("/api/cities/" + id);
        assertEquals(200, read.status(), read.toString());
        assertEquals(created.data(), read.data());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'city' AND entity_id = ?",
                String.valueOf(id)));
    }

    @Test
    void listIsNewestFirstAndPaged() {
        data.city("Самара", "Europe/Samara");
        data.city("Казань", "Europe/Moscow");
        data.city("Омск", "Asia/Omsk");
        Api.Reply page = admin.get("/api/cities?limit=2");
        assertEquals(200, page.status(), page.toString());
        assertEquals(List.of("Омск", "Казань"), page.list().stream().map(c -> c.get("name")).toList());
        assertEquals(3, ((Number) page.pagination().get("total")).intValue());
        assertEquals(List.of("Самара"), admin.get("/api/cities?limit=2&page=2").list().stream().map(c -> c.get("name")).toList());
    }

    @Test
    void limitAbove100Is400() {
        Api.Reply reply = admin.get("/api/cities?limit=101");
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("limit"));
    }

    @Test
    void unknownTimezoneIs400AndWritesNothing() {
        for (String timezone : List.of("Mars/Olympus", "+03:00", "")) {
            Api.Reply reply = admin.post("/api/cities", Map.of("name", "Казань", "timezone", timezone));
            assertEquals(400, reply.status(), timezone);
            assertTrue(reply.errorFields().containsKey("timezone"), reply.toString());
        }
        assertEquals(0, data.count("cities"));
    }

    @Test
    void missingNameIs400() {
        Api.Reply reply = admin.post("/api/cities", Map.of("timezone", "Europe/Moscow"));
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("name"));
        assertEquals(0, data.count("cities"));
    }

    @Test
    void duplicateNameIs409() {
        data.city("Казань", "Europe/Moscow");
        assertEquals(409, admin.post("/api/cities", kazan()).status());
        long samara = data.city("Самара", "Europe/Samara");
        assertEquals(409, admin.patch("/api/cities/" + samara, Map.of("name", "Казань")).status());
        assertEquals(2, data.count("cities"));
    }

    @Test
    void patchAndPutChangeOnlyTheGivenFieldsAndAreAudited() {
        long id = ((Number) admin.post("/api/cities", kazan()).data().get("id")).longValue();
        Api.Reply patched = admin.patch("/api/cities/" + id, Map.of("timezone", "Europe/Samara"));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("Казань", patched.data().get("name"));
        assertEquals("Europe/Samara", patched.data().get("timezone"));
        assertEquals(java.util.Set.of("mon", "sun"), ((Map<?, ?>) patched.data().get("workingHours")).keySet());

        Api.Reply put = admin.put("/api/cities/" + id, Map.of("name", "Kazan", "workingHours", Map.of()));
        assertEquals(200, put.status(), put.toString());
        assertEquals("Kazan", put.data().get("name"));
        assertEquals(Map.of(), put.data().get("workingHours"));
        assertEquals(2L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'city'"));
        assertEquals("Europe/Samara", data.db().queryOne(
                "SELECT changes->'timezone'->>'to' FROM audit_log WHERE action = 'update' AND entity = 'city' ORDER BY id LIMIT 1",
                rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void unknownCityIs404() {
        assertEquals(404, admin.get("/api/cities/999").status());
        assertEquals(404, admin.patch("/api/cities/999", Map.of("name", "X")).status());
        assertEquals(404, admin.delete("/api/cities/999").status());
    }

    @Test
    void unusedCityIsDeleted() {
        long id = data.city("Казань", "Europe/Moscow");
        Api.Reply reply = admin.delete("/api/cities/" + id);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(0, data.count("cities"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'city'"));
    }

    @Test
    void cityInUseIsNotDeleted() {
        long id = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", id, "101");
        Api.Reply reply = admin.delete("/api/cities/" + id);
        assertEquals(409, reply.status(), reply.toString());
        assertTrue(((String) reply.error().get("message")).contains("operators"), reply.toString());
        assertEquals(1, data.count("cities"));
    }

    @Test
    void cityWithAClientIsNotDeleted() {
        long id = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO clients (name, city_id) VALUES ('Иван', ?)", id);
        assertEquals(409, admin.delete("/api/cities/" + id).status());
    }

    @Test
    void onlyAdminsChangeCities() {
        long id = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", id, "101");
        data.user("sveta", "supervisor", null, null);
        for (Api user : List.of(api.login("olga", TestData.PASSWORD), api.login("sveta", TestData.PASSWORD))) {
            assertEquals(200, user.get("/api/cities").status());
            assertEquals(403, user.post("/api/cities", Map.of("name", "Самара", "timezone", "Europe/Samara")).status());
            assertEquals(403, user.patch("/api/cities/" + id, Map.of("name", "Самара")).status());
            assertEquals(403, user.delete("/api/cities/" + id).status());
        }
        assertEquals(1, data.count("cities"));
    }

    @Test
    void noTokenIs401() {
        assertEquals(401, api.get("/api/cities").status());
        assertEquals(401, api.post("/api/cities", kazan()).status());
        assertEquals(0, data.count("cities"));
    }
}

package org.callcentre.crm.masters;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class MasterAdministrationTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api admin;
    long kazan;

    @BeforeEach
    void setUp() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        data.city("Самара", "Europe/Samara");
        data.user("boss", "admin", null, null);
        api = new Api(client);
        admin = api.login("boss", TestData.PASSWORD);
    }

    private long create(String name, List<String> cities) {
        Api.Reply reply = admin.post("/api/masters", Map.of("name", name, "cities", cities));
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    private static List<Object> names(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().map(m -> m.get("name")).toList();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void adminCreatesAMasterServingSeveralCities() {
        Api.Reply created = admin.post("/api/masters", Map.of("name", "Иван Петров", "phone", "8 917 123-45-67",
                "cities", List.of("Самара", "Казань", "Самара"), "note", "холодильники"));
        assertEquals(201, created.status(), created.toString());
        assertEquals("Иван Петров", created.data().get("name"));
        assertEquals("+79171234567", created.data().get("phone"));
        assertEquals(List.of("Казань", "Самара"), created.data().get("cities"));
        assertEquals("active", created.data().get("status"));
        assertEquals("холодильники", created.data().get("note"));
        assertEquals(2, data.count("master_cities"));

        Api.Reply read = admin.get("/api/masters/" + created.data().get("id"));
        assertEquals(200, read.status());
        assertEquals(created.data(), read.data());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'master'"));
    }

    @Test
    void aMasterNeedsOnlyAName() {
        Api.Reply created = admin.post("/api/masters", Map.of("name", "Иван"));
        assertEquals(201, created.status(), created.toString());
        assertEquals(List.of(), created.data().get("cities"));
        assertEquals(null, created.data().get("phone"));
    }

    @Test
    void listFiltersByCityStatusAndNameNewestFirst() {
        create("Иван Петров", List.of("Казань"));
        long oleg = create("Олег Сидоров", List.of("Самара"));
        create("Пётр Иванов", List.of("Казань", "Самара"));
        admin.patch("/api/masters/" + oleg, Map.of("status", "inactive"));
        assertEquals(List.of("Пётр Иванов", "Олег Сидоров", "Иван Петров"), names(admin.get("/api/masters")));
        assertEquals(List.of("Пётр Иванов", "Иван Петров"), names(admin.get("/api/masters?city=" + encoded("Казань"))));
        assertEquals(List.of("Олег Сидоров"), names(admin.get("/api/masters?status=inactive")));
        assertEquals(List.of("Пётр Иванов", "Иван Петров"), names(admin.get("/api/masters?q=" + encoded("иван"))));
        assertEquals(400, admin.get("/api/masters?city=Atlantis").status());
        assertEquals(400, admin.get("/api/masters?status=retired").status());
        assertEquals(400, admin.get("/api/masters?limit=101").status());
    }

    @Test
    void operatorsReadOnlyTheMastersOfTheirCity() {
        create("Иван", List.of("Казань"));
        long samaraOnly = create("Олег", List.of("Самара"));
        data.user("olga", "operator", kazan, "101");
        Api operator = api.login("olga", TestData.PASSWORD);
        assertEquals(List.of("Иван"), names(operator.get("/api/masters")));
        assertEquals(404, operator.get("/api/masters/" + samaraOnly).status());
    }

    @Test
    void unknownCitiesAre400NamingCitiesAndWriteNothing() {
        Api.Reply reply = admin.post("/api/masters", Map.of("name", "Иван", "cities", List.of("Казань", "Atlantis", "Мордор")));
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(((String) reply.errorFields().get("cities")).contains("Atlantis, Мордор"), reply.toString());
        assertEquals(400, admin.post("/api/masters", Map.of("name", "Иван", "cities", "Казань")).status());
        assertEquals(0, data.count("masters"));
        assertEquals(0, data.count("master_cities"));
    }

    @Test
    void badFieldsAre400NamingThem() {
        Api.Reply reply = admin.post("/api/masters", Map.of("name", " ", "phone", "12", "status", "retired"));
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(Set.of("name", "phone", "status"), reply.errorFields().keySet());
        assertEquals(0, data.count("masters"));
    }

    @Test
    void duplicatePhoneIs409() {
        admin.post("/api/masters", Map.of("name", "Иван", "phone", "+79171234567"));
        long other = create("Олег", List.of());
        assertEquals(409, admin.post("/api/masters", Map.of("name", "Пётр", "phone", "89171234567")).status());
        assertEquals(409, admin.patch("/api/masters/" + other, Map.of("phone", "+7 917 123 45 67")).status());
        assertEquals(2, data.count("masters"));
    }

    @Test
    void patchReplacesCitiesOnlyWhenGiven() {
        long id = create("Иван", List.of("Казань"));
        Api.Reply renamed = admin.patch("/api/masters/" + id, Map.of("name", "Иван Петров", "note", "стиральные машины"));
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(List.of("Казань"), renamed.data().get("cities"));
        Api.Reply moved = admin.put("/api/masters/" + id, Map.of("cities", List.of("Самара")));
        assertEquals(List.of("Самара"), moved.data().get("cities"));
        assertEquals("Иван Петров", moved.data().get("name"));
        Api.Reply cleared = admin.patch("/api/masters/" + id, Map.of("cities", List.of(), "note", ""));
        assertEquals(List.of(), cleared.data().get("cities"));
        assertEquals(null, cleared.data().get("note"));
        assertEquals(400, admin.patch("/api/masters/" + id, Map.of("cities", List.of("Atlantis"))).status());
        assertEquals(3L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'master'"));
    }

    @Test
    void aMasterWithoutOrdersIsDeleted() {
        long id = create("Иван", List.of("Казань"));
        assertEquals(200, admin.delete("/api/masters/" + id).status());
        assertEquals(0, data.count("masters"));
        assertEquals(0, data.count("master_cities"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'master'"));
    }

    @Test
    void aMasterWithOrdersIsNotDeleted() {
        long id = create("Иван", List.of("Казань"));
        data.db().update("INSERT INTO orders (city_id, phone, master_id) VALUES (?, '+79170000000', ?)", kazan, id);
        assertEquals(409, admin.delete("/api/masters/" + id).status());
        assertEquals(1, data.count("masters"));
    }

    @Test
    void onlyAdminsChangeMasters() {
        long id = create("Иван", List.of("Казань"));
        data.user("olga", "operator", kazan, "101");
        data.user("sveta", "supervisor", null, null);
        for (Api user : List.of(api.login("olga", TestData.PASSWORD), api.login("sveta", TestData.PASSWORD))) {
            assertEquals(200, user.get("/api/masters/" + id).status());
            assertEquals(403, user.post("/api/masters", Map.of("name", "Олег")).status());
            assertEquals(403, user.patch("/api/masters/" + id, Map.of("name", "Олег")).status());
            assertEquals(403, user.delete("/api/masters/" + id).status());
        }
        assertEquals(1, data.count("masters"));
    }

    @Test
    void noTokenIs401() {
        assertEquals(401, api.get("/api/masters").status());
        assertEquals(401, api.post("/api/masters", Map.of("name", "Иван")).status());
        assertEquals(0, data.count("masters"));
    }
}

package org.callcentre.crm.campaigns;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class CampaignAdministrationTest {
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

    private static Map<String, Object> campaign(String rk, String city, String phoneAts, String source) {
        return Map.of("rk", rk, "city", city, "phoneAts", phoneAts, "source", source);
    }

    private long create(String rk, String city, String phoneAts, String source) {
        Api.Reply reply = admin.post("/api/campaigns", campaign(rk, city, phoneAts, source));
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    @Test
    void adminCreatesACampaignWithANormalisedNumberAndLowerCaseSource() {
        Api.Reply created = admin.post("/api/campaigns", campaign("RK-101", "Казань", "8 (843) 200-00-01", " Avito "));
        assertEquals(201, created.status(), created.toString());
        assertEquals("RK-101", created.data().get("rk"));
        assertEquals("Казань", created.data().get("city"));
        assertEquals("+78432000001", created.data().get("phoneAts"));
        assertEquals("avito", created.data().get("source"));

        Api.Reply read = admin.get("/api/campaigns/" + created.data().get("id"));
        assertEquals(200, read.status());
        assertEquals(created.data(), read.data());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'campaign'"));
    }

    @Test
    void listFiltersByCityAndSourceNewestFirst() {
        create("RK-1", "Казань", "+78432000001", "avito");
        create("RK-2", "Самара", "+78462000002", "avito");
        create("RK-3", "Казань", "+78432000003", "yandex");
        assertEquals(List.of("RK-3", "RK-2", "RK-1"), rks(admin.get("/api/campaigns")));
        assertEquals(List.of("RK-3", "RK-1"), rks(admin.get("/api/campaigns?city=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C")));
        assertEquals(List.of("RK-2", "RK-1"), rks(admin.get("/api/campaigns?source=Avito")));
        assertEquals(400, admin.get("/api/campaigns?city=Atlantis").status());
        assertEquals(400, admin.get("/api/campaigns?limit=101").status());
    }

    private static List<Object> rks(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().map(c -> c.get("rk")).toList();
    }

    @Test
    void operatorsReadOnlyTheirCitysCampaigns() {
        long inKazan = create("RK-1", "Казань", "+78432000001", "avito");
        long inSamara = create("RK-2", "Самара", "+78462000002", "avito");
        data.user("olga", "operator", kazan, "101");
        Api operator = api.login("olga", TestData.PASSWORD);
        assertEquals(List.of("RK-1"), rks(operator.get("/api/campaigns")));
        assertEquals(200, operator.get("/api/campaigns/" + inKazan).status());
        assertEquals(404, operator.get("/api/campaigns/" + inSamara).status());
    }

    @Test
    void badFieldsAre400NamingThemAndWriteNothing() {
        Api.Reply reply = admin.post("/api/campaigns", campaign("", "Atlantis", "not a phone", ""));
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(java.util.Set.of("rk", "city", "phoneAts", "source"), reply.errorFields().keySet());
        assertEquals(400, admin.post("/api/campaigns", campaign("RK-1", "Казань", "+78432000001", "x".repeat(41))).status());
        assertEquals(0, data.count("campaigns"));
    }

    @Test
    void duplicateRkOrNumberIs409() {
        long id = create("RK-1", "Казань", "+78432000001", "avito");
        assertEquals(409, admin.post("/api/campaigns", campaign("RK-1", "Казань", "+78432000009", "avito")).status());
        assertEquals(409, admin.post("/api/campaigns", campaign("RK-2", "Казань", "88432000001", "avito")).status());
        long other = create("RK-2", "Самара", "+78462000002", "site");
        assertEquals(409, admin.patch("/api/campaigns/" + other, Map.of("phoneAts", "+7 843 200 00 01")).status());
        assertEquals(200, admin.patch("/api/campaigns/" + id, Map.of("rk", "RK-1")).status());
        assertEquals(2, data.count("campaigns"));
    }

    @Test
    void patchAndPutChangeOnlyTheGivenFields() {
        long id = create("RK-1", "Казань", "+78432000001", "avito");
        Api.Reply patched = admin.patch("/api/campaigns/" + id, Map.of("city", "Самара", "source", "2GIS"));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("Самара", patched.data().get("city"));
        assertEquals("2gis", patched.data().get("source"));
        assertEquals("+78432000001", patched.data().get("phoneAts"));
        Api.Reply put = admin.put("/api/campaigns/" + id, Map.of("rk", "RK-9"));
        assertEquals("RK-9", put.data().get("rk"));
        assertEquals(400, admin.patch("/api/campaigns/" + id, Map.of("city", "Atlantis")).status());
        assertEquals("Самара", data.db().queryOne(
                "SELECT changes->'city'->>'to' FROM audit_log WHERE entity = 'campaign' AND action = 'update' ORDER BY id LIMIT 1",
                rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void adminDeletesACampaign() {
        long id = create("RK-1", "Казань", "+78432000001", "avito");
        assertEquals(200, admin.delete("/api/campaigns/" + id).status());
        assertEquals(0, data.count("campaigns"));
        assertEquals(404, admin.delete("/api/campaigns/" + id).status());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'campaign'"));
    }

    @Test
    void onlyAdminsChangeCampaigns() {
        long id = create("RK-1", "Казань", "+78432000001", "avito");
        data.user("olga", "operator", kazan, "101");
        data.user("sveta", "supervisor", null, null);
        for (Api user : List.of(api.login("olga", TestData.PASSWORD), api.login("sveta", TestData.PASSWORD))) {
            assertEquals(200, user.get("/api/campaigns").status());
            assertEquals(403, user.post("/api/campaigns", campaign("RK-2", "Казань", "+78432000002", "avito")).status());
            assertEquals(403, user.patch("/api/campaigns/" + id, Map.of("source", "site")).status());
            assertEquals(403, user.delete("/api/campaigns/" + id).status());
        }
        assertEquals(1, data.count("campaigns"));
    }

    @Test
    void noTokenIs401() {
        assertEquals(401, api.get("/api/campaigns").status());
        assertEquals(401, api.post("/api/campaigns", campaign("RK-1", "Казань", "+78432000001", "avito")).status());
        assertEquals(0, data.count("campaigns"));
    }
}

package org.callcentre.crm.apikeys;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ApiKeyScopesTest {
    private static final Map<String, Object> LEAD = Map.of("externalId", "web-1", "phone", "+79161234567", "city", "Казань");

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
        data.city("Казань", "Europe/Moscow");
        data.user("root", "admin", null, null);
        api = new Api(client);
        admin = api.login("root", TestData.PASSWORD);
    }

    @Test
    void aKeyWithoutScopesGetsLeadsWriteAndShowsIt() {
        Api.Reply created = admin.post("/api/api-keys", Map.of("name", "site"));
        assertEquals(201, created.status(), created.toString());
        assertEquals(List.of("leads:write"), created.data().get("scopes"));
        assertEquals(List.of("leads:write"), admin.get("/api/api-keys").list().get(0).get("scopes"));
        assertEquals(201, api.withHeader("X-API-Key", (String) created.data().get("key")).post("/api/integrations/leads", LEAD).status());
    }

    @Test
    void unknownOrMistypedScopesAre400NamingScopesAndWriteNothing() {
        for (Object scopes : List.of(List.of("leads:delete"), List.of(), "leads:write", List.of(42))) {
            Map<String, Object> body = new java.util.HashMap<>();
            body.put("name", "site");
            body.put("scopes", scopes);
            Api.Reply reply = admin.post("/api/api-keys", body);
            assertEquals(400, reply.status(), scopes + " → " + reply);
            assertTrue(reply.errorFields().containsKey("scopes"), reply.toString());
        }
        assertEquals(0, data.count("api_keys"));
    }

    @Test
    void aKeyWithoutTheLeadsScopeCannotPostLeads() {
        Map<String, Object> created = admin.post("/api/api-keys", Map.of("name", "site")).data();
        // a key issued for another area, as a future scope would be
        data.db().update("UPDATE api_keys SET scopes = '{reports:read}'");
        Api.Reply reply = api.withHeader("X-API-Key", (String) created.get("key")).post("/api/integrations/leads", LEAD);
        assertEquals(401, reply.status(), reply.toString());
        assertEquals(0, data.count("orders"));
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() {
        Map<String, Object> created = admin.post("/api/api-keys", Map.of("name", "site")).data();
        Api site = api.withHeader("X-API-Key", (String) created.get("key"));
        assertEquals(201, site.post("/api/integrations/leads", LEAD).status());
        assertEquals(200, admin.delete("/api/api-keys/" + created.get("id")).status());
        assertEquals(401, site.post("/api/integrations/leads", Map.of("externalId", "web-2", "phone", "+79161234568", "city", "Казань")).status());
    }
}

package org.callcentre.crm.leads;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class LeadAuthenticationTest {
    private static final Map<String, Object> LEAD = Map.of("externalId", "web-1", "phone", "+79161234567", "city", "Казань");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api admin;
    long keyId;
    String key;

    @BeforeEach
    void setUp() {
        data.reset();
        data.city("Казань", "Europe/Moscow");
        data.user("root", "admin", null, null);
        api = new Api(client);
        admin = api.login("root", TestData.PASSWORD);
        Map<String, Object> created = admin.post("/api/api-keys", Map.of("name", "site")).data();
        keyId = ((Number) created.get("id")).longValue();
        key = (String) created.get("key");
    }

    private void assertRefused(Api.Reply reply) {
        assertEquals(401, reply.status(), reply.toString());
        assertEquals(false, reply.body().get("success"));
        assertEquals("unauthorized", reply.error().get("code"));
        assertEquals(0L, data.count("orders"));
        assertEquals(0L, data.count("clients"));
    }

    @Test
    void withoutAKeyIs401() {
        assertRefused(api.post("/api/integrations/leads", LEAD));
    }

    @Test
    void anUnknownKeyIs401() {
        assertRefused(api.withHeader("X-API-Key", key + "x").post("/api/integrations/leads", LEAD));
    }

    @Test
    void aRevokedKeyIs401() {
        assertEquals(200, admin.delete("/api/api-keys/" + keyId).status());
        assertRefused(api.withHeader("X-API-Key", key).post("/api/integrations/leads", LEAD));
    }

    @Test
    void aUserTokenIsNoKey() {
        assertRefused(admin.post("/api/integrations/leads", LEAD));
    }

    @Test
    void theKeyOpensNoOtherEndpoint() {
        Api website = api.withHeader("X-API-Key", key);
        assertEquals(401, website.get("/api/orders").status());
        assertEquals(401, website.post("/api/orders", Map.of("phone", "+79161234567", "city", "Казань")).status());
        assertEquals(401, website.get("/api/clients").status());
        assertEquals(0L, data.count("orders"));
    }

    @Test
    void aValidKeyIsMarkedUsed() {
        assertEquals(null, admin.get("/api/api-keys").list().get(0).get("lastUsedAt"));
        assertEquals(201, api.withHeader("X-API-Key", key).post("/api/integrations/leads", LEAD).status());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM api_keys WHERE last_used_at IS NOT NULL"));
    }
}

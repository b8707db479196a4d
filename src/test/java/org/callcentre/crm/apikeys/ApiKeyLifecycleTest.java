package org.callcentre.crm.apikeys;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.shared.SecretTokens;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ApiKeyLifecycleTest {
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
        data.user("root", "admin", null, null);
        data.user("boss", "supervisor", null, null);
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        api = new Api(client);
        admin = api.login("root", TestData.PASSWORD);
    }

    private Map<String, Object> create(String name) {
        Api.Reply reply = admin.post("/api/api-keys", Map.of("name", name));
        assertEquals(201, reply.status(), reply.toString());
        return reply.data();
    }

    @Test
    void theKeyIsShownOnceAndStoredOnlyAsAHash() {
        Map<String, Object> created = create("website");
        String key = (String) created.get("key");
        assertTrue(key.startsWith("crm_") && key.length() >= 4 + 43, key);
        assertTrue(key.substring(4).matches("[A-Za-z0-9_-]+"), "URL-safe: " + key);
        assertTrue(key.startsWith((String) created.get("prefix")));
        assertEquals("website", created.get("name"));
        assertNotNull(created.get("createdAt"));

        assertEquals(SecretTokens.sha256(key), data.db().queryOne("SELECT key_hash FROM api_keys", rs -> rs.getString(1)).orElseThrow());
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM api_keys WHERE key_hash = ? OR prefix = ?", key, key));
        String audit = data.db().queryOne("SELECT changes::text FROM audit_log WHERE entity = 'api_key' AND action = 'create'",
                rs -> rs.getString(1)).orElseThrow();
        assertFalse(audit.contains(key.substring(12)), audit);
        assertEquals("***", data.db().queryOne("SELECT changes->>'apiKey' FROM audit_log WHERE entity = 'api_key'",
                rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void theListShowsPrefixesNeverKeys() {
        create("website");
        create("landing");
        Api.Reply reply = admin.get("/api/api-keys");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(2, reply.list().size());
        Map<String, Object> newest = reply.list().get(0);
        assertEquals("landing", newest.get("name"));
        assertFalse(newest.containsKey("key"));
        assertTrue(((String) newest.get("prefix")).startsWith("crm_"));
        assertTrue(newest.containsKey("lastUsedAt") && newest.get("lastUsedAt") == null);
        assertNull(newest.get("revokedAt"));
    }

    @Test
    void deletingRevokesOnceAndKeepsTheRow() {
        long id = ((Number) create("website").get("id")).longValue();
        Api.Reply revoked = admin.delete("/api/api-keys/" + id);
        assertEquals(200, revoked.status(), revoked.toString());
        String revokedAt = (String) revoked.data().get("revokedAt");
        assertNotNull(revokedAt);
        assertEquals(revokedAt, admin.delete("/api/api-keys/" + id).data().get("revokedAt"));
        assertEquals(1L, data.count("api_keys"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'api_key' AND action = 'revoke'"));
        assertEquals(404, admin.delete("/api/api-keys/999999").status());
    }

    @Test
    void aNameIsRequired() {
        Api.Reply reply = admin.post("/api/api-keys", Map.of("name", " "));
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("name"));
        assertEquals(0L, data.count("api_keys"));
    }

    @Test
    void onlyAnAdminManagesKeys() {
        long id = ((Number) create("website").get("id")).longValue();
        for (String login : new String[]{"boss", "olga"}) {
            Api user = api.login(login, TestData.PASSWORD);
            assertEquals(403, user.post("/api/api-keys", Map.of("name", "mine")).status(), login);
            assertEquals(403, user.get("/api/api-keys").status(), login);
            assertEquals(403, user.delete("/api/api-keys/" + id).status(), login);
        }
        assertEquals(1L, data.count("api_keys"));
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL"));
    }

    @Test
    void withoutATokenIs401() {
        assertEquals(401, api.post("/api/api-keys", Map.of("name", "website")).status());
        assertEquals(401, api.get("/api/api-keys").status());
        assertEquals(401, api.delete("/api/api-keys/1").status());
        assertEquals(0L, data.count("api_keys"));
    }
}

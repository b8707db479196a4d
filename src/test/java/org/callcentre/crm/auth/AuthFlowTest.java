package org.callcentre.crm.auth;

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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuthFlowTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        api = new Api(client);
    }

    @Test
    void loginReturnsTokensAndUser() {
        Api.Reply reply = api.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD));
        assertEquals(200, reply.status(), reply.toString());
        assertNotNull(reply.body().get("accessToken"));
        assertNotNull(reply.body().get("refreshToken"));
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) reply.body().get("user");
        assertEquals("olga", user.get("login"));
        assertEquals("operator", user.get("role"));
        assertEquals("User olga", user.get("name"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'login' AND actor_login = 'olga'"));
    }

    @Test
    void wrongPasswordIs401AndAudited() {
        Api.Reply reply = api.post("/api/auth/login", Map.of("login", "olga", "password", "wrong-password"));
        assertEquals(401, reply.status());
        assertEquals(false, reply.body().get("success"));
        assertEquals("unauthorized", reply.error().get("code"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'login_failed' AND actor_login = 'olga'"));
    }

    @Test
    void missingFieldsAre400NamingThem() {
        Api.Reply reply = api.post("/api/auth/login", Map.of("login", "olga"));
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("password"));
    }

    @Test
    void noTokenIs401WithTheErrorShape() {
        Api.Reply reply = api.get("/api/operators/me");
        assertEquals(401, reply.status());
        assertEquals(false, reply.body().get("success"));
        assertEquals("unauthorized", reply.error().get("code"));
    }

    @Test
    void refreshRotatesAndASpentTokenEndsAllSessions() {
        Api.Reply login = api.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD));
        String first = (String) login.body().get("refreshToken");
        Api.Reply refreshed = api.post("/api/auth/refresh", Map.of("refreshToken", first));
        assertEquals(200, refreshed.status(), refreshed.toString());
        String second = (String) refreshed.data().get("refreshToken");
        assertNotEquals(first, second);
        assertEquals(200, api.as((String) refreshed.data().get("accessToken")).get("/api/operators/me").status());

        // past the grace for two tabs refreshing at once, a spent token presented again is a copy
        data.db().update("UPDATE refresh_tokens SET revoked_at = revoked_at - interval '1 minute' WHERE replaced_by IS NOT NULL");
        assertEquals(401, api.post("/api/auth/refresh", Map.of("refreshToken", first)).status());
        // reuse of a spent token revoked the rotated one too
        assertEquals(401, api.post("/api/auth/refresh", Map.of("refreshToken", second)).status());
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Api.Reply login = api.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD));
        String refresh = (String) login.body().get("refreshToken");
        Api olga = api.as((String) login.body().get("accessToken"));
        assertEquals(200, olga.post("/api/auth/logout", Map.of("refreshToken", refresh)).status());
        assertEquals(401, api.post("/api/auth/refresh", Map.of("refreshToken", refresh)).status());
    }

    @Test
    void blockedOperatorCannotLogIn() {
        data.db().update("UPDATE operators SET status = 'inactive' WHERE login = 'olga'");
        assertEquals(401, api.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD)).status());
    }

    @Test
    void garbageTokenIs401() {
        assertEquals(401, api.as("not.a.jwt").get("/api/operators/me").status());
    }

    @Test
    void malformedJsonIs400() {
        Api.Reply reply = api.postRaw("/api/auth/login", "{\"login\": ", "application/json");
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(false, reply.body().get("success"));
    }
}

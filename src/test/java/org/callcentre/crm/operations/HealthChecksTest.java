package org.callcentre.crm.operations;

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
class HealthChecksTest {
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
        api = new Api(client);
        admin = api.login("root", TestData.PASSWORD);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> component(Api.Reply health, String name) {
        Map<String, Object> details = (Map<String, Object>) health.body().get("details");
        assertTrue(details != null && details.containsKey(name), name + " in " + health);
        return (Map<String, Object>) details.get(name);
    }

    @Test
    void readinessChecksTheDatabaseAndTheSipLines() {
        Api.Reply readiness = admin.get("/health/readiness");
        assertEquals(200, readiness.status(), readiness.toString());
        assertEquals("UP", readiness.body().get("status"));
        assertEquals("UP", component(readiness, "jdbc").get("status"));
        assertEquals("UP", component(readiness, "sipLines").get("status"));
        assertEquals(200, api.get("/health/liveness").status());
        assertEquals(200, api.get("/health/readiness").status(), "probes need no token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSipLineThatFailedItsProbeDegradesButDoesNotFailTheService() {
        long city = data.city("Казань", "Europe/Moscow");
        long line = data.db().insert("INSERT INTO sip_lines (name, host, city_id) VALUES ('trunk-1', '127.0.0.1', ?) RETURNING id", city);
        data.db().update("INSERT INTO sip_line_status (sip_line_id, state, checked_at) VALUES (?, 'down', now())", line);
        Api.Reply health = admin.get("/health");
        assertEquals(200, health.status(), health.toString());
        Map<String, Object> sip = component(health, "sipLines");
        assertEquals("DEGRADED", sip.get("status"));
        assertEquals(List.of("trunk-1"), ((Map<String, Object>) sip.get("details")).get("down"));
    }
}

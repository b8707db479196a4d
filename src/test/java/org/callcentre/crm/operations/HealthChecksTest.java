package org.callcentre.crm.operations;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    @SuppressWarnings("unchecked")
    void integrationsSayWhatIsConfiguredAndWhenItLastSpokeWithoutASecret() {
        long now = System.currentTimeMillis() / 1000;
        MangoWebhooks mango = new MangoWebhooks(client, data.db());
        assertEquals(200, mango.summary("entry-health-1", "+79161234567", now - 60, now - 50, now, "101"));
        mango.awaitApplied();

        Api.Reply health = admin.get("/health");
        Map<String, Object> integrations = (Map<String, Object>) component(health, "integrations").get("details");
        Map<String, Object> mangoDetails = (Map<String, Object>) integrations.get("mango");
        assertEquals(true, mangoDetails.get("configured"));
        assertTrue(mangoDetails.containsKey("lastWebhookAt"), integrations.toString());
        assertEquals(0, ((Number) ((Map<String, Object>) integrations.get("avito")).get("enabledAccounts")).intValue());
        assertEquals(false, ((Map<String, Object>) integrations.get("llm")).get("configured"));
        Map<String, Object> asr = (Map<String, Object>) integrations.get("asr");
        assertEquals("vosk", asr.get("engine"));
        assertEquals(Files.isDirectory(Path.of("asr-models/vosk-model-small-ru-0.22")), asr.get("modelPresent"));
        assertFalse(health.toString().contains(MangoWebhooks.KEY) || health.toString().contains(MangoWebhooks.SALT), health.toString());
    }
}

package org.callcentre.crm.ui;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An operator changes her own password in Chromium; the old one stops working, the new one works. */
@MicronautTest(transactional = false)
class BrowserProfileTest {
    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;

    @Test
    void anOperatorChangesHerPasswordAndSignsInWithTheNewOne() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        new KazanCallCentre(data, new MangoWebhooks(client, data.db()));

        browser.run("profile", Map.of());

        Api api = new Api(client);
        assertEquals(401, api.post("/api/auth/login", Map.of("login", "olga", "password", TestData.PASSWORD)).status());
        assertEquals(200, api.post("/api/auth/login", Map.of("login", "olga", "password", "Snegopad-2026-kazan")).status());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'change_password' AND actor_login = 'olga'"));
    }
}

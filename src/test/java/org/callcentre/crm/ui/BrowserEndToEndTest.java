package org.callcentre.crm.ui;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.screenpop.LivePushQueue;
import org.callcentre.crm.screenpop.Settle;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.RequiredTool;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The web UI in a real browser: Debian's Chromium, driven by playwright-core from
 * {@code frontend/e2e/scenarios.mjs}, against this service on the embedded PostgreSQL, serving the
 * UI the Maven build put into {@code target/classes/public}. Telephony comes in as signed Mango
 * webhooks. Screenshots of the main screens are left in {@code target/e2e-screenshots}.
 */
@MicronautTest(transactional = false)
class BrowserEndToEndTest {
    /** The Kazan campaign's number, as Mango sends it ({@code line_number}). */
    static final String COMPANY_LINE = "78432507713";
    static final String CALLER = "79161234567";

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    LivePushQueue pushes;
    MangoWebhooks mango;
    BrowserScenario browser;
    long kazan;
    long olga;

    @BeforeEach
    void setUp() throws Exception {
        Path chromium = RequiredTool.require("chromium", "apt-get install chromium (listed in .ci/apt-packages)");
        Path node = RequiredTool.require("node", "install Node.js 20 (the web UI is built with it too)");
        Path screenshots = Files.createDirectories(Path.of("target", "e2e-screenshots"));
        browser = new BrowserScenario(node, chromium, server.getURL().toString(), screenshots.toAbsolutePath(), TestData.PASSWORD);
        mango = new MangoWebhooks(client, data.db());

        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('avito-kzn', ?, '+78432507713', 'Avito')", kazan);
        olga = data.user("olga", "operator", kazan, "101");
        data.db().update("UPDATE operators SET name = 'Ольга Смирнова' WHERE id = ?", olga);
        data.db().update("UPDATE operators SET name = 'Павел Орлов' WHERE id = ?", data.user("pavel", "operator", kazan, "102"));
        data.user("boss", "supervisor", null, null);
        data.user("admin", "admin", null, null);
    }

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void anOperatorGetsTheCallersCardWhileThePhoneRingsAndMakesAnOrderFromIt() throws Exception {
        // The caller is known: an earlier answered call, a name and a note that the card must show.
        long now = Instant.now().getEpochSecond();
        assertEquals(200, mango.summary("e2e-earlier", CALLER, now - 7200, now - 7190, now - 7000, "101"));
        mango.awaitApplied();
        long clientId = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = ?", "+" + CALLER);
        data.db().update("UPDATE clients SET name = 'Анна Петрова' WHERE id = ?", clientId);
        Api asOlga = new Api(client).login("olga", TestData.PASSWORD);
        assertEquals(201, asOlga.post("/api/clients/" + clientId + "/notes", Map.of("text", "Мастер не приехал в прошлый раз")).status());

        Map<String, String> results = browser.run("operator", Map.of("ring", () -> ring("e2e-ringing", "101")));

        long orderId = Long.parseLong(results.get("orderId"));
        Map<String, Object> order = asOlga.get("/api/orders/" + orderId).data();
        assertEquals("+" + CALLER, order.get("phone"));
        assertEquals("Казань", order.get("city"));
        assertEquals("avito-kzn", order.get("rk"));
        assertEquals("Анна Петрова", order.get("clientName"));
        assertEquals("Не сливает воду", order.get("problem"));
        assertEquals(1L, data.count("orders"), "the refused first try wrote nothing");
    }

    @Test
    void aSupervisorSeesTheWallboardCountOfWaitingCallsMoveWithoutReloading() throws Exception {
        Map<String, String> results = browser.run("supervisor", Map.of("ring-queue", () -> ring("e2e-queued", null)));

        assertEquals(Integer.parseInt(results.get("before")) + 1, Integer.parseInt(results.get("after")));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM calls WHERE status = 'ringing'"));
    }

    @Test
    void anAdminCreatesACityAndASipLine() throws Exception {
        browser.run("admin", Map.of());

        assertEquals("Europe/Samara", data.db().queryOne("SELECT timezone FROM cities WHERE name = 'Самара'", rs -> rs.getString(1)).orElseThrow());
        assertEquals("127.0.0.1:5062 Самара", data.db().queryOne("""
                SELECT l.host || ':' || l.port || ' ' || c.name FROM sip_lines l JOIN cities c ON c.id = l.city_id
                 WHERE l.name = 'samara-trunk'""", rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void anOperatorCannotOpenAdminPages() throws Exception {
        browser.run("operator-denied", Map.of());

        // the page only mirrors the API, which refuses the operator the admin data itself
        assertEquals(403, new Api(client).login("olga", TestData.PASSWORD).get("/api/operators").status());
    }

    /** Mango's {@code Appeared} leg of an inbound call to the Kazan number: on an extension it rings that operator, without one it waits in the IVR. */
    private void ring(String entryId, String extension) {
        String to = extension == null
                ? "{\"number\":\"" + COMPANY_LINE + "\",\"line_number\":\"" + COMPANY_LINE + "\"}"
                : "{\"extension\":\"" + extension + "\",\"number\":\"sip:" + extension + "@vpbx.mangosip.ru\",\"line_number\":\"" + COMPANY_LINE + "\"}";
        String json = """
                {"entry_id":"%s","call_id":"%s-leg","timestamp":%d,"seq":1,"call_state":"Appeared","location":"%s",\
                "from":{"number":"%s"},"to":%s}""".formatted(entryId, entryId, Instant.now().getEpochSecond(),
                extension == null ? "ivr" : "abonent", CALLER, to);
        assertEquals(200, mango.post("events/call", json));
    }
}

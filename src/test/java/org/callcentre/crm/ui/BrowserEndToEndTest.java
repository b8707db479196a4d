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
        hangUp("e2e-ringing", "101");

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
        lastWeeksCallsAndOrders();
        Map<String, String> results = browser.run("supervisor", Map.of("ring-queue", () -> ring("e2e-queued", null)));

        assertEquals(Integer.parseInt(results.get("before")) + 1, Integer.parseInt(results.get("after")));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM calls WHERE status = 'ringing'"));
        hangUp("e2e-queued", null);
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

    /**
     * A week of finished calls (Mango summaries: some answered by 101 or 102, some missed) and a few
     * orders in each status, so that the statistics and the screenshots show figures.
     */
    private void lastWeeksCallsAndOrders() {
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 24; i++) {
            long start = now - (i % 6) * 86_400L - 600 - i * 37L;
            long wait = 4 + (i * 7) % 40;
            boolean answered = i % 4 != 3;
            assertEquals(200, mango.summary("e2e-history-" + i, "7916555" + String.format("%04d", i), start,
                    answered ? start + wait : 0, start + wait + (answered ? 60 + i * 11L : 0), i % 2 == 0 ? "101" : "102"));
        }
        mango.awaitApplied();
        Api asOlga = new Api(client).login("olga", TestData.PASSWORD);
        String[][] steps = {{}, {"assigned"}, {"assigned", "in_progress"}, {"assigned", "in_progress", "completed"}, {"cancelled"}};
        for (int i = 0; i < steps.length * 2; i++) {
            Map<String, Object> order = asOlga.post("/api/orders", Map.of("city", "Казань", "rk", "avito-kzn",
                    "phone", "+7916555" + String.format("%04d", i), "typeEquipment", "Холодильник", "problem", "Не морозит")).data();
            for (String status : steps[i % steps.length]) {
                Map<String, Object> change = "completed".equals(status) ? Map.of("status", status, "result", 4500) : Map.of("status", status);
                assertEquals(200, asOlga.patch("/api/orders/" + order.get("id"), change).status());
            }
        }
    }

    /** Mango's {@code Disconnected} for the leg {@link #ring} opened: the call ends missed, nothing is left ringing. */
    private void hangUp(String entryId, String extension) {
        assertEquals(200, mango.post("events/call", leg(entryId, "Disconnected", extension, 2, ",\"disconnect_reason\":1110")));
    }

    /** Mango's {@code Appeared} leg of an inbound call to the Kazan number: on an extension it rings that operator, without one it waits in the IVR. */
    private void ring(String entryId, String extension) {
        assertEquals(200, mango.post("events/call", leg(entryId, "Appeared", extension, 1, "")));
    }

    private static String leg(String entryId, String state, String extension, int seq, String extra) {
        String to = extension == null
                ? "{\"number\":\"" + COMPANY_LINE + "\",\"line_number\":\"" + COMPANY_LINE + "\"}"
                : "{\"extension\":\"" + extension + "\",\"number\":\"sip:" + extension + "@vpbx.mangosip.ru\",\"line_number\":\"" + COMPANY_LINE + "\"}";
        return """
                {"entry_id":"%s","call_id":"%s-leg","timestamp":%d,"seq":%d,"call_state":"%s","location":"%s",\
                "from":{"number":"%s"},"to":%s%s}""".formatted(entryId, entryId, Instant.now().getEpochSecond(), seq, state,
                extension == null ? "ivr" : "abonent", CALLER, to, extra);
    }
}

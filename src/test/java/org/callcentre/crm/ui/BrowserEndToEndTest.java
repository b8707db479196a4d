package org.callcentre.crm.ui;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.live.LivePushQueue;
import org.callcentre.crm.live.Settle;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    KazanCallCentre centre;

    @BeforeEach
    void setUp() throws Exception {
        browser = BrowserScenario.against(server);
        mango = new MangoWebhooks(client, data.db());
        centre = new KazanCallCentre(data, mango);
    }

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void anOperatorGetsTheCallersCardWhileThePhoneRingsAndMakesAnOrderFromIt() throws Exception {
        // The caller is known: an earlier answered call, a name and a note that the card must show.
        long now = Instant.now().getEpochSecond();
        assertEquals(200, mango.summary("e2e-earlier", KazanCallCentre.CALLER, now - 7200, now - 7190, now - 7000, "101"));
        mango.awaitApplied();
        long clientId = data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = ?", "+" + KazanCallCentre.CALLER);
        data.db().update("UPDATE clients SET name = 'Анна Петрова' WHERE id = ?", clientId);
        Api asOlga = new Api(client).login("olga", TestData.PASSWORD);
        assertEquals(201, asOlga.post("/api/clients/" + clientId + "/notes", Map.of("text", "Мастер не приехал в прошлый раз")).status());

        Map<String, String> results = browser.run("operator", Map.of("ring", () -> centre.ring("e2e-ringing", "101")));
        centre.hangUp("e2e-ringing", "101");

        long orderId = Long.parseLong(results.get("orderId"));
        Map<String, Object> order = asOlga.get("/api/orders/" + orderId).data();
        assertEquals("+" + KazanCallCentre.CALLER, order.get("phone"));
        assertEquals("Казань", order.get("city"));
        assertEquals("avito-kzn", order.get("rk"));
        assertEquals("Анна Петрова", order.get("clientName"));
        assertEquals("Не сливает воду", order.get("problem"));
        assertEquals(1L, data.count("orders"), "the refused first try wrote nothing");
    }

    @Test
    void aSupervisorSeesTheWallboardCountOfWaitingCallsMoveWithoutReloading() throws Exception {
        lastWeeksCallsAndOrders();
        Map<String, String> results = browser.run("supervisor", Map.of("ring-queue", () -> centre.ring("e2e-queued", null)));

        assertEquals(Integer.parseInt(results.get("before")) + 1, Integer.parseInt(results.get("after")));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM calls WHERE status = 'ringing'"));
        centre.hangUp("e2e-queued", null);
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
    void aSupervisorAddsAKnowledgeBaseEntryAndTheAiTesterAnswersFromIt() throws Exception {
        browser.run("knowledge", Map.of());

        assertEquals("цены|Сколько стоит диагностика холодильника?|Цена диагностики", data.db().queryOne("""
                SELECT category || '|' || array_to_string(questions, '|') FROM kb_entries WHERE title = 'Стоимость диагностики'""",
                rs -> rs.getString(1)).orElseThrow());
        assertEquals("Диагностика бесплатна, если вы ремонтируете у нас.", data.db().queryOne("""
                SELECT a.answer FROM ai_answers a JOIN kb_entries e ON e.id = a.entry_id
                 WHERE a.question = 'сколько стоит диагностика холодильника' AND NOT a.handoff""", rs -> rs.getString(1)).orElseThrow());
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
        long changedMind = data.resultCode("cancel_reason", "Клиент передумал");
        String[][] steps = {{}, {"assigned"}, {"assigned", "in_progress"}, {"assigned", "in_progress", "completed"}, {"cancelled"}};
        for (int i = 0; i < steps.length * 2; i++) {
            Map<String, Object> order = asOlga.post("/api/orders", Map.of("city", "Казань", "rk", "avito-kzn",
                    "phone", "+7916555" + String.format("%04d", i), "typeEquipment", "Холодильник", "problem", "Не морозит")).data();
            for (String status : steps[i % steps.length]) {
                Map<String, Object> change = "completed".equals(status) ? Map.of("status", status, "result", 4500, "expenditure", 0)
                        : "cancelled".equals(status) ? Map.of("status", status, "cancelReasonId", changedMind) : Map.of("status", status);
                assertEquals(200, asOlga.patch("/api/orders/" + order.get("id"), change).status());
            }
        }
    }
}

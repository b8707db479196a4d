package org.callcentre.crm.demo;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo mode on the real database and the real webhooks: its calls arrive as signed Mango webhooks and its chats as
 * Avito webhooks (the chat's ad looked up from the demo's Avito sink), its users sign in, and one admin action removes
 * all of it, statistics included, and stops the playing.
 */
@MicronautTest(transactional = false)
@Property(name = "crm.demo.enabled", value = "true")
@Property(name = "crm.demo.call-interval", value = "2s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoModeTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    DemoPlayer player;
    @Inject
    DemoSettings settings;
    Api admin;

    /** A fixed port, so that Avito's API address can name this server's demo sink, as DemoConfigurer does for the jar. */
    @Override
    public Map<String, String> getProperties() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            return Map.of("micronaut.server.port", String.valueOf(port),
                    "crm.avito.api-url", "http://127.0.0.1:" + port + DemoAvitoSink.PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("root", "admin", null, null);
        player.prepare();
        admin = new Api(client).login("root", TestData.PASSWORD);
    }

    private long count(String from) {
        return data.count(from);
    }

    private static void within(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void callsAndChatsArriveThroughTheWebhooksAndOneAdminActionRemovesAllOfIt() throws InterruptedException {
        assertEquals(2, count("cities WHERE name LIKE '%(демо)'"));
        assertEquals(3, count("campaigns WHERE rk LIKE 'Демо:%'"));
        assertEquals(4, count("operators WHERE login LIKE 'demo-%'"));
        assertEquals(10, count("demo_rows"), "2 cities, 3 campaigns, 4 users and the Avito account are marked");
        assertEquals(200, new Api(client).login("demo-olga", settings.password()).get("/api/stats/my").status(),
                "a demo operator signs in with the demo password");

        within(60, "an answered and a missed demo call, each ended", () ->
                count("calls c JOIN operators o ON o.id = c.operator_id WHERE o.login LIKE 'demo-%' AND c.status = 'answered' AND c.ended_at IS NOT NULL") > 0
                        && count("calls WHERE status = 'missed' AND city_id IS NOT NULL") > 0);
        assertTrue(count("telephony_inbox WHERE source = 'mango' AND event_type = 'events/call'") > 0, "through the Mango webhook");
        assertEquals(0, count("calls WHERE city_id IS NULL"), "every demo call is matched to a demo campaign's city");
        within(30, "a demo Avito chat with its ad looked up from the demo sink",
                () -> count("conversations WHERE ad_title LIKE 'Ремонт%'") > 0);
        within(30, "the calls counted in the rollups", () -> count("stats_call_centre_day WHERE inbound > 0") > 0);
        within(30, "the chats counted in the rollups", () -> count("stats_chat_centre_day WHERE chats > 0") > 0
                && count("stats_chat_facts") > 0);

        Map<String, Object> checklist = admin.get("/api/setup/checklist").data();
        assertEquals(true, checklist.get("demo"));
        assertEquals(true, checklist.get("demoData"));
        assertEquals(true, checklist.get("complete"), checklist.toString());

        assertEquals(403, new Api(client).login("demo-olga", settings.password()).delete("/api/demo").status());
        Api.Reply removed = admin.delete("/api/demo");
        assertEquals(200, removed.status(), removed.toString());
        assertEquals(2, ((Number) removed.data().get("cities")).intValue());
        assertTrue(((Number) removed.data().get("calls")).intValue() > 0);
        for (String left : List.of("demo_rows", "cities", "campaigns", "avito_accounts", "calls", "conversations", "clients",
                "operators WHERE login LIKE 'demo-%'", "stats_call_facts", "stats_call_centre_day WHERE inbound > 0 OR answered > 0",
                "stats_chat_facts", "stats_chat_round_facts", "stats_chat_centre_day WHERE chats <> 0 OR messages <> 0 OR rounds <> 0",
                "stats_chat_city_day WHERE chats <> 0 OR messages <> 0 OR rounds <> 0",
                "stats_chat_operator_span WHERE chats <> 0 OR messages <> 0 OR rounds <> 0")) {
            assertEquals(0, count(left), left + " after the removal");
        }
        assertEquals(1, count("operators"), "the admin stays");
        assertEquals(false, admin.get("/api/setup/checklist").data().get("demoData"));
        assertEquals(1, count("audit_log WHERE entity = 'demo' AND action = 'delete'"));

        Thread.sleep(settings.callInterval().multipliedBy(3).toMillis());
        assertEquals(0, count("calls"), "nothing is played once the demo was removed");
    }
}

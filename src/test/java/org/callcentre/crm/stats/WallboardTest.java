package org.callcentre.crm.stats;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.live.LivePushQueue;
import org.callcentre.crm.live.Settle;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live wallboard, pushed on {@code /ws/supervisor} as a call rings, is answered and ends, and
 * the same board over {@code GET /api/stats/wallboard}.
 */
@MicronautTest(transactional = false)
class WallboardTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    TestData data;
    @Inject
    LivePushQueue pushes;
    MangoWebhooks mango;
    Api boss;
    String bossToken;

    @BeforeEach
    void setUp() {
        data.reset();
        ScenarioRows.setUpDirectory(data);
        data.user("boss", "supervisor", null, null);
        mango = new MangoWebhooks(client, data.db());
        Api api = new Api(client);
        boss = api.login("boss", TestData.PASSWORD);
        bossToken = (String) api.post("/api/auth/login", Map.of("login", "boss", "password", TestData.PASSWORD)).body().get("accessToken");
        Api op101 = api.login("op101", TestData.PASSWORD);
        assertEquals(200, op101.put("/api/operators/me/status", Map.of("statusWork", "working")).status());
    }

    @AfterEach
    void settle() throws InterruptedException {
        Settle.everything(data, pushes);
    }

    @Test
    void theBoardFollowsACallFromWaitingToAnsweredToWrapUp() {
        long start = Instant.now().getEpochSecond() - 5;
        MangoLegs call = new MangoLegs(mango, "W1");
        try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", bossToken)) {
            call.post("A1", start, 1, "Appeared", null);
            call.post("B1", start + 1, 2, "Appeared", "101");
            Map<String, Object> waiting = supervisor.await("wallboard",
                    m -> number(m.get("callsWaiting")) == 1 && number(states(m).get("ringing")) == 1);
            assertTrue(number(waiting.get("longestWaitSeconds")) >= 5, waiting.toString());
            assertEquals(0, number(states(waiting).get("available")));
            assertEquals(0, number(today(waiting).get("inbound")), "a call counts once answered or over");

            Map<String, Object> read = boss.get("/api/stats/wallboard").data();
            assertEquals("wallboard", read.get("type"));
            assertEquals(1, number(read.get("callsWaiting")));
            assertEquals(states(waiting).keySet(), states(read).keySet());

            call.post("B1", start + 4, 3, "Connected", "101");
            Map<String, Object> answered = supervisor.await("wallboard",
                    m -> number(m.get("callsWaiting")) == 0 && number(states(m).get("on_call")) == 1);
            assertEquals(0, number(answered.get("longestWaitSeconds")));
            assertEquals(1, number(today(answered).get("answered")));
            assertEquals(100.0, ((Number) today(answered).get("serviceLevel")).doubleValue(), "answered after 4 s");

            call.post("B1", start + 20, 4, "Disconnected", "101");
            call.post("A1", start + 20, 5, "Disconnected", null);
            supervisor.await("wallboard", m -> number(states(m).get("wrap_up")) == 1 && number(today(m).get("handled")) == 1);
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> states(Map<String, Object> board) {
        return (Map<String, Object>) board.get("operatorsByState");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> today(Map<String, Object> board) {
        return (Map<String, Object>) board.get("today");
    }
}

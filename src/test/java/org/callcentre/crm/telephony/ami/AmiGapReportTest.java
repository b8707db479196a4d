package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.testing.Eventually;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.websocket.WebSocketClient;
import jakarta.inject.Inject;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without a CDR database the calls of a disconnection cannot be recovered: the gap is reported on
 * {@code GET /api/telephony/gaps}, in {@code /health} and to supervisors, and operators on break are
 * paused again in case Asterisk forgot them.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiGapReportTest implements TestPropertyProvider {
    static final Duration WAIT = Duration.ofSeconds(20);
    final AmiTestServer asterisk = AmiTestServer.start();

    @Inject
    TestData data;
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    @Client("/")
    WebSocketClient ws;
    @Inject
    AmiConnector connector;
    Api boss;
    Api sveta;

    @Override
    public Map<String, String> getProperties() {
        return asterisk.connection("crm.ami.ping-interval", "300ms");
    }

    @AfterAll
    void stopAsterisk() {
        asterisk.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("boss", "admin", null, null);
        data.user("sveta", "supervisor", null, null);
        boss = new Api(client).login("boss", TestData.PASSWORD);
        sveta = new Api(client).login("sveta", TestData.PASSWORD);
        Eventually.until("AMI is connected", connector::connected);
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutACdrDatabaseTheGapIsReportedOnTheListInHealthAndToSupervisors() {
        try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", token("sveta"))) {
            // taken after the socket opened: on a loaded machine opening it can take longer than the tolerance below
            Instant beforeDrop = Instant.now();
            asterisk.dropConnection();

            Map<String, Object> pushed = supervisor.await("telephony-gap", m -> true);
            assertEquals("reported", pushed.get("state"), pushed.toString());
            Instant start = Instant.parse((String) pushed.get("start"));
            Instant end = Instant.parse((String) pushed.get("end"));
            assertTrue(!start.isAfter(beforeDrop.plusSeconds(1)) && start.isBefore(end) && !end.isAfter(Instant.now()), pushed.toString());

            Api.Reply list = sveta.get("/api/telephony/gaps");
            assertEquals(200, list.status(), list.toString());
            assertEquals(1, list.list().size(), list.toString());
            Map<String, Object> gap = list.list().get(0);
            assertEquals("reported", gap.get("state"));
            assertEquals("ami", gap.get("source"));
            assertEquals(pushed.get("start"), gap.get("start"));
            assertEquals(pushed.get("end"), gap.get("end"));
            assertEquals("connection closed", gap.get("reason"));
            assertEquals(1, ((Number) list.pagination().get("total")).intValue());

            Api.Reply health = boss.get("/health");
            Map<String, Object> ami = (Map<String, Object>) ((Map<String, Object>) health.body().get("details")).get("ami");
            assertEquals("UP", ami.get("status"), "a reported gap is shown, not a fault: " + health);
            Map<String, Object> unresolved = (Map<String, Object>) ((Map<String, Object>) ami.get("details")).get("lastUnresolvedGap");
            assertEquals("reported", unresolved.get("state"), health.toString());
            assertEquals(pushed.get("start"), unresolved.get("start"));
            assertEquals(pushed.get("end"), unresolved.get("end"));
        }
    }

    @Test
    void afterAReconnectOperatorsOnBreakArePausedAgainAndWorkingOnesAreLeftAlone() {
        long kazan = data.city("Казань", "Europe/Moscow");
        // ivan comes first: had working operators been paused too, his would be the first QueuePause.
        data.user("ivan", "operator", kazan, "102");
        data.db().update("UPDATE operators SET status_work = 'working' WHERE login = 'ivan'");
        data.user("olga", "operator", kazan, "101");
        data.db().update("UPDATE operators SET status_work = 'break' WHERE login = 'olga'");
        int before = asterisk.actions("QueuePause").size();

        asterisk.dropConnection();

        Map<String, String> pause = asterisk.awaitAction("QueuePause", before + 1, WAIT);
        assertEquals("PJSIP/101", pause.get("Interface"));
        assertEquals("true", pause.get("Paused"));
        assertEquals("break", pause.get("Reason"));
        assertFalse(asterisk.actions("QueuePause").subList(before, asterisk.actions("QueuePause").size()).stream()
                .anyMatch(a -> "PJSIP/102".equals(a.get("Interface"))));
        Eventually.until("the gap is recorded", () -> data.count("telephony_gaps") == 1);
    }

    @Test
    void theGapListIsForSupervisorsAndAdmins() {
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");

        assertEquals(200, boss.get("/api/telephony/gaps?state=reported&limit=5").status());
        assertEquals(List.of(), boss.get("/api/telephony/gaps").list());
        assertEquals(403, new Api(client).login("olga", TestData.PASSWORD).get("/api/telephony/gaps").status());
        assertEquals(401, new Api(client).get("/api/telephony/gaps").status());
        Api.Reply bad = sveta.get("/api/telephony/gaps?state=lost");
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.errorFields().containsKey("state"), bad.toString());
        assertTrue(sveta.get("/api/telephony/gaps?limit=0").errorFields().containsKey("limit"));
    }

    private String token(String login) {
        return (String) new Api(client).post("/api/auth/login", Map.of("login", login, "password", TestData.PASSWORD)).body().get("accessToken");
    }
}

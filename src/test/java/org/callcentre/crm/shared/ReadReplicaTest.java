package org.callcentre.crm.shared;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.StreamingStandby;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service against a primary and a real streaming standby of it as {@code CRM_DB_READ_URL}. With the
 * standby's replay paused its data stands still, so what a request shows tells where it was read: statistics
 * and the call list come from the standby, a user's own change comes back from the primary at once, the
 * statistics cache refills with the change only once the standby has replayed it, and with the standby away
 * everything is read from the primary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {
    private final StreamingStandby databases = StreamingStandby.start();
    private EmbeddedServer server;
    private HttpClient client;
    private TestData data;
    private MangoWebhooks mango;
    private Api boss;
    private String today;

    @BeforeAll
    void startService() {
        System.setProperty("datasources.default.url", databases.primaryUrl());
        System.setProperty("crm.jwt.secret", "read-replica-test-jwt-secret-0123456789abcdef");
        System.setProperty("crm.secrets.key", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        System.setProperty("crm.db.read.url", databases.standbyUrl());
        try {
            // the standby's replay is paused on purpose below: it must not count as too far behind meanwhile
            server = ApplicationContext.builder("test").properties(Map.of("crm.db.read.max-lag", "10m",
                    "crm.db.read.probe-interval", "200ms")).run(EmbeddedServer.class);
        } finally {
            List.of("datasources.default.url", "crm.jwt.secret", "crm.secrets.key", "crm.db.read.url").forEach(System::clearProperty);
        }
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
        data = server.getApplicationContext().getBean(TestData.class);
        mango = new MangoWebhooks(client, data.db());
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
        databases.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        ScenarioRows.setUpDirectory(data);
        data.user("boss", "supervisor", null, null);
        data.user("deputy", "supervisor", null, null);
        boss = new Api(client).login("boss", TestData.PASSWORD);
        today = LocalDate.now(ZoneId.of("Europe/Moscow")).toString();
        databases.awaitCaughtUp();
        Eventually.until("the service reads from the standby", () -> server.getApplicationContext().getBean(ReplicaPosition.class).usable());
    }

    @Test
    @Order(1)
    void statisticsAreReadFromTheStandbyAndTheCacheRefillsOnlyOnceItReplayedTheChange() {
        call("R1");
        mango.awaitApplied();
        databases.awaitCaughtUp();
        assertEquals(1, answeredToday(), "one answered call, on both servers");

        databases.pauseReplay();
        try {
            call("R2");
            mango.awaitApplied();
            assertEquals(2L, data.db().queryLong("SELECT count(*) FROM calls"), "the primary has the second call");
            assertEquals(1, answeredToday(), "read from the standby, which has not replayed the second call");
            assertEquals(1, answeredToday(), "still the standby's figure (this answer may not be kept)");
            assertEquals(1, callsInTheExport(), "the calls report is read from the standby too");
        } finally {
            databases.resumeReplay();
        }
        // a kept answer from before the replay would be served for a minute; Eventually gives up after 30 s
        Eventually.until("the figures show the second call once the standby has it", () -> answeredToday() == 2);
    }

    @Test
    @Order(2)
    void aUsersOwnChangeIsReadBackFromThePrimaryAndOthersSeeTheStandby() {
        call("R3");
        mango.awaitApplied();
        databases.awaitCaughtUp();
        long id = data.db().queryLong("SELECT id FROM calls");
        Api deputy = new Api(client).login("deputy", TestData.PASSWORD);
        assertEquals(null, firstNote(deputy));

        databases.pauseReplay();
        try {
            assertEquals(200, boss.patch("/api/calls/" + id, Map.of("note", "перезвонить")).status());
            assertEquals("перезвонить", firstNote(boss), "the one who wrote it reads it back at once, from the primary");
            assertEquals(null, firstNote(deputy), "anyone else reads the standby, which has not replayed it yet");
        } finally {
            databases.resumeReplay();
        }
        Eventually.until("the standby has the note for everyone", () -> "перезвонить".equals(firstNote(deputy)));
    }

    @Test
    @Order(3)
    void withTheStandbyAwayEverythingIsReadFromThePrimary() throws Exception {
        databases.stopStandby();
        try {
            Eventually.until("the service notices the standby is away",
                    () -> !server.getApplicationContext().getBean(ReplicaPosition.class).usable());
            call("R4");
            mango.awaitApplied();
            Api deputy = new Api(client).login("deputy", TestData.PASSWORD);
            assertEquals(1, deputy.get("/api/calls").list().size(), "the call list from the primary");
            assertEquals(1, answeredToday(), "the figures from the primary");
        } finally {
            databases.resumeStandby();
        }
    }

    private void call(String entryId) {
        long now = Instant.now().getEpochSecond();
        assertEquals(200, mango.summary(entryId, "79123456780", now - 60, now - 50, now - 10, "101"));
    }

    private int answeredToday() {
        @SuppressWarnings("unchecked")
        Map<String, Object> calls = (Map<String, Object>) boss.get("/api/stats/overall?startDate=" + today + "&endDate=" + today)
                .data().get("calls");
        return ((Number) calls.get("accepted")).intValue();
    }

    /** The data lines of today's calls report as CSV (one header line before them). */
    private long callsInTheExport() {
        String token = (String) new Api(client).post("/api/auth/login", Map.of("login", "boss", "password", TestData.PASSWORD))
                .body().get("accessToken");
        String csv = client.toBlocking().retrieve(HttpRequest.GET("/api/reports/calls?format=csv&startDate=" + today + "&endDate=" + today)
                .bearerAuth(token), String.class);
        return csv.lines().filter(line -> line.contains("79123456780")).count();
    }

    private static Object firstNote(Api user) {
        List<Map<String, Object>> calls = user.get("/api/calls").list();
        return calls.isEmpty() ? "no call" : calls.get(0).get("note");
    }
}

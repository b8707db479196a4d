package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.testing.Eventually;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asterisk drops the manager connection in the middle of a call, or stops answering: the service
 * logs in again by itself, checks which channels are still up, and the call comes out right.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiReconnectTest implements TestPropertyProvider {
    static final Duration WAIT = Duration.ofSeconds(20);
    final AmiTestServer asterisk = AmiTestServer.start();

    @Inject
    TestData data;
    @Inject
    AmiEventWorker worker;
    @Inject
    ObjectMapper mapper;
    @Inject
    @Client("/")
    HttpClient client;

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
        ScenarioRows.setUpDirectory(data);
    }

    @Test
    void afterADropMidCallTheServiceLogsInAgainAndTheCallEndsAnsweredWithItsDurations() throws Exception {
        AmiSample call = AmiSample.named("inbound-queue-answered", mapper);
        int answered = call.through("AgentConnect");
        asterisk.replay(call.blocks().subList(0, answered));
        Eventually.until("the call is answered", () -> status(call).equals("answered open"));
        int logins = asterisk.actions("Login").size();
        int channelLists = asterisk.actions("CoreShowChannels").size();

        asterisk.dropConnection();

        asterisk.awaitAction("Login", logins + 1, WAIT);
        asterisk.awaitAction("CoreShowChannels", channelLists + 1, WAIT);
        awaitApplied("1740829999.1");
        assertEquals("answered open", status(call), "the call's channels are all up, nothing may end it");
        assertEquals("UP", amiHealth().get("status"));

        asterisk.replay(call.blocks().subList(answered, call.blocks().size()));
        Eventually.until("the call has ended", () -> status(call).equals("answered ended"));
        ScenarioRows.assertRowMatches(data, "ami", call.linkedId(), call.name(), call.expected());
    }

    @Test
    void channelsThatHungUpWhileDisconnectedAreEndedAtTheReconnect() throws Exception {
        AmiSample call = AmiSample.named("outbound-click-to-call", mapper);
        int talking = call.through("BridgeEnter");
        asterisk.replay(call.blocks().subList(0, talking));
        Eventually.until("the client has answered", () -> status(call).equals("answered open"));
        int logins = asterisk.actions("Login").size();
        Instant beforeDrop = Instant.now();

        asterisk.happenUnheard(call.blocks().subList(talking, call.blocks().size()));
        asterisk.dropConnection();

        asterisk.awaitAction("Login", logins + 1, WAIT);
        Eventually.until("the call is ended by the reconciliation", () -> status(call).equals("answered ended"));
        Instant endedAt = data.db().queryOne("SELECT ended_at FROM calls WHERE source = 'ami' AND external_id = ?",
                rs -> rs.getTimestamp(1).toInstant(), call.linkedId()).orElseThrow();
        assertTrue(!endedAt.isBefore(beforeDrop) && !endedAt.isAfter(Instant.now()), "ended at the reconnect: " + endedAt);
        assertEquals(1, data.count("calls WHERE source = 'ami' AND external_id = '" + call.linkedId()
                + "' AND talk_seconds IS NULL AND hold_seconds IS NULL"), "no CDR tells when it ended: talk and hold unknown, not run to the reconnect");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCallWhoseTalkIsUnknownCountsAsHandledButIsLeftOutOfTheAverages() throws Exception {
        // 101 answers an inbound call and talks 95 s, heard to the end
        AmiSample heard = AmiSample.named("inbound-queue-answered", mapper);
        asterisk.replay(heard.blocks());
        Eventually.until("the inbound call has ended", () -> status(heard).equals("answered ended"));
        // 101's click-to-call is answered, then hangs up while nobody listens: its talk is unknown
        AmiSample unheard = AmiSample.named("outbound-click-to-call", mapper);
        int talking = unheard.through("BridgeEnter");
        asterisk.replay(unheard.blocks().subList(0, talking));
        Eventually.until("the client has answered", () -> status(unheard).equals("answered open"));
        asterisk.happenUnheard(unheard.blocks().subList(talking, unheard.blocks().size()));
        asterisk.dropConnection();
        Eventually.until("the click-to-call is ended by the reconciliation", () -> status(unheard).equals("answered ended"));

        data.user("boss", "supervisor", null, null);
        Api boss = new Api(client).login("boss", TestData.PASSWORD);
        String day = "startDate=2025-03-01&endDate=2025-03-01";
        Map<String, Object> kpi = (Map<String, Object>) boss.get("/api/stats/kpi?" + day).data().get("totals");
        assertEquals(2, kpi.get("handled"), "both calls were handled: " + kpi);
        assertEquals(125.0, kpi.get("ahtSeconds"), "95 s of talk and 30 s of wrap-up over the one timed call, not halved by a 0 s call: " + kpi);
        Map<String, Object> calls = (Map<String, Object>) boss.get("/api/stats/overall?" + day).data().get("calls");
        assertEquals(95.0, calls.get("averageTalkSeconds"), calls.toString());
        assertEquals(1, calls.get("accepted"), "the answered inbound call: " + calls);
        Map<String, Object> operator = boss.get("/api/stats/operators?" + day).list().stream()
                .filter(row -> "User op101".equals(row.get("name"))).findFirst().orElseThrow();
        assertEquals(125.0, operator.get("ahtSeconds"), operator.toString());
        assertEquals(95, operator.get("talkSeconds"), operator.toString());
    }

    @Test
    void aConnectionThatFallsSilentIsGivenUpAndLoggedInAgain() {
        int pings = asterisk.actions("Ping").size();
        asterisk.awaitAction("Ping", pings + 1, WAIT);
        int logins = asterisk.actions("Login").size();

        asterisk.goSilent();

        asterisk.awaitAction("Login", logins + 1, WAIT);
    }

    private String status(AmiSample call) {
        return data.db().queryOne("SELECT status, ended_at IS NOT NULL FROM calls WHERE source = 'ami' AND external_id = ?",
                rs -> rs.getString(1) + (rs.getBoolean(2) ? " ended" : " open"), call.linkedId()).orElse("none");
    }

    private void awaitApplied(String probe) {
        AmiApplied.await(asterisk, data, worker, probe);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> amiHealth() {
        data.user("boss", "admin", null, null);
        Api.Reply health = new Api(client).login("boss", TestData.PASSWORD).get("/health");
        return (Map<String, Object>) ((Map<String, Object>) health.body().get("details")).get("ami");
    }
}

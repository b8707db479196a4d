package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.testing.Eventually;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.websocket.WebSocketClient;
import org.callcentre.crm.cluster.Leadership;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.callcentre.crm.live.LiveClient.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service instances on one PostgreSQL: only the leader logs in to Asterisk; an operator
 * connected to the other instance gets the screen-pop of a call the leader ingests; the leader
 * dies mid-call, the other instance takes the AMI connection over within seconds, and the call
 * ends with the row it has without the fault.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTakeOverTest {
    private static final Duration TAKEOVER = Duration.ofSeconds(10);

    final AmiTestServer asterisk = AmiTestServer.start();
    final List<EmbeddedServer> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(node -> node.getApplicationContext().close());
        nodes.clear();
    }

    @AfterAll
    void stopAsterisk() {
        asterisk.close();
    }

    private EmbeddedServer startNode() {
        Map<String, Object> properties = new HashMap<>(asterisk.connection("crm.ami.ping-interval", "1s"));
        properties.put("crm.cluster.enabled", "true");
        properties.put("crm.cluster.check-interval", "300ms");
        EmbeddedServer node = ApplicationContext.builder("test").properties(properties).run(EmbeddedServer.class);
        nodes.add(node);
        return node;
    }

    private static boolean leads(EmbeddedServer node) {
        return node.getApplicationContext().getBean(Leadership.class).isLeader();
    }

    @Test
    void theOtherNodeTakesOverMidCallAndItsOperatorGetsThePopAndTheEnd() throws Exception {
        int logins = asterisk.actions("Login").size();
        int channelLists = asterisk.actions("CoreShowChannels").size();
        EmbeddedServer first = startNode();
        Eventually.until("the first node leads", () -> leads(first));
        asterisk.awaitAction("Login", logins + 1, TAKEOVER);
        EmbeddedServer second = startNode();
        ApplicationContext secondContext = second.getApplicationContext();
        TestData data = secondContext.getBean(TestData.class);
        data.reset();
        ScenarioRows.setUpDirectory(data);
        assertFalse(leads(second), "one leader at a time");

        AmiSample call = AmiSample.named("inbound-queue-answered", secondContext.getBean(ObjectMapper.class));
        String token;
        try (HttpClient http = secondContext.createBean(HttpClient.class, second.getURL())) {
            token = (String) new Api(http).post("/api/auth/login", Map.of("login", "op101", "password", TestData.PASSWORD))
                    .body().get("accessToken");
        }
        try (WebSocketClient ws = secondContext.createBean(WebSocketClient.class, second.getURI());
             LiveClient operator = LiveClient.open(ws, "/ws/operator", token)) {
            int ringing = call.through("AgentCalled");
            asterisk.replay(call.blocks().subList(0, ringing));
            Map<String, Object> pop = operator.await("screen-pop", m -> call.linkedId().equals(call(m).get("externalId")));
            assertEquals(logins + 1, asterisk.actions("Login").size(), "only the leader logged in to Asterisk");

            int answered = call.through("AgentConnect");
            asterisk.replay(call.blocks().subList(ringing, answered));
            Eventually.until("the leader stored the answer", () -> "answered".equals(status(data, call)));
            long diedAt = System.nanoTime();
            first.getApplicationContext().close();

            asterisk.awaitAction("Login", logins + 2, TAKEOVER);
            Duration takeover = Duration.ofNanos(System.nanoTime() - diedAt);
            assertTrue(leads(second));
            asterisk.awaitAction("CoreShowChannels", channelLists + 2, TAKEOVER);
            System.out.println("AMI connection taken over in " + takeover.toMillis() + " ms");

            asterisk.replay(call.blocks().subList(answered, call.blocks().size()));
            Map<String, Object> ended = operator.await("call-updated",
                    m -> call.linkedId().equals(call(m).get("externalId")) && call(m).get("endedAt") != null);
            assertEquals(call(pop).get("id"), call(ended).get("id"));
        }
        ScenarioRows.assertRowMatches(data, "ami", call.linkedId(), call.name(), call.expected());
        assertEquals(1, data.count("calls"), "one call, neither lost nor doubled by the takeover");
    }

    @Test
    void aLeaderCutOffFromPostgresStepsDownAndLogsOffSoThatOneNodeListensAgain() {
        int logins = asterisk.actions("Login").size();
        int logoffs = asterisk.actions("Logoff").size();
        EmbeddedServer first = startNode();
        Eventually.until("the first node leads", () -> leads(first));
        asterisk.awaitAction("Login", logins + 1, TAKEOVER);
        EmbeddedServer second = startNode();
        TestData data = second.getApplicationContext().getBean(TestData.class);

        // what a network cut or a restarted database does to the leader's session: its lock is gone
        long killed = data.db().queryLong("""
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks
                WHERE locktype = 'advisory' AND granted AND classid::bigint = ? AND objid::bigint = ?""",
                Leadership.LOCK_KEY >>> 32, Leadership.LOCK_KEY & 0xffffffffL);
        assertEquals(1, killed, "one session holds the lock");

        asterisk.awaitAction("Logoff", logoffs + 1, TAKEOVER);
        asterisk.awaitAction("Login", logins + 2, TAKEOVER);
        Eventually.until("exactly one node leads", () -> leads(first) != leads(second));
    }

    @Test
    void aSupervisorOnTheStandbySeesTheLeadersCallsOnTheWallboardAndInFreshStatistics() throws Exception {
        EmbeddedServer leader = startNode();
        Eventually.until("the first node leads", () -> leads(leader));
        EmbeddedServer standby = startNode();
        ApplicationContext context = standby.getApplicationContext();
        TestData data = context.getBean(TestData.class);
        data.reset();
        ScenarioRows.setUpDirectory(data);
        data.user("boss", "supervisor", null, null);
        AmiSample call = AmiSample.named("inbound-queue-answered", context.getBean(ObjectMapper.class));
        String day = "startDate=2025-03-01&endDate=2025-03-01";

        try (HttpClient http = context.createBean(HttpClient.class, standby.getURL());
             WebSocketClient ws = context.createBean(WebSocketClient.class, standby.getURI())) {
            Api api = new Api(http);
            String token = (String) api.post("/api/auth/login", Map.of("login", "boss", "password", TestData.PASSWORD)).body().get("accessToken");
            Api boss = api.as(token);
            assertEquals(0, inboundCalls(boss.get("/api/stats/overall?" + day).data()), "read, and now cached, on the standby");
            try (LiveClient supervisor = LiveClient.open(ws, "/ws/supervisor", token)) {
                asterisk.replay(call.blocks().subList(0, call.through("AgentCalled")));
                // ringing or already talking: the board is throttled and may skip the short ring
                supervisor.await("wallboard", m -> busy(states(m)) == 1);
                asterisk.replay(call.blocks().subList(call.through("AgentCalled"), call.blocks().size()));
                supervisor.await("call-updated", m -> call.linkedId().equals(call(m).get("externalId")) && call(m).get("endedAt") != null);
            }
            Eventually.until("the standby's statistics count the leader's call",
                    () -> inboundCalls(boss.get("/api/stats/overall?" + day).data()) == 1);
        }
    }

    @SuppressWarnings("unchecked")
    private static long inboundCalls(Map<String, Object> overall) {
        return ((Number) ((Map<String, Object>) overall.get("calls")).get("total")).longValue();
    }

    private static int busy(Map<String, Object> states) {
        return ((Number) states.get("ringing")).intValue() + ((Number) states.get("on_call")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> states(Map<String, Object> board) {
        return (Map<String, Object>) board.get("operatorsByState");
    }

    private static String status(TestData data, AmiSample call) {
        return data.db().queryOne("SELECT status FROM calls WHERE source = 'ami' AND external_id = ?",
                rs -> rs.getString(1), call.linkedId()).orElse("none");
    }
}

package org.callcentre.crm.telephony.ami;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.websocket.WebSocketClient;
import org.callcentre.crm.cluster.Leadership;
import org.callcentre.crm.screenpop.LiveClient;
import org.callcentre.crm.telephony.ScenarioRows;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.callcentre.crm.screenpop.LiveClient.call;
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

    @AfterAll
    void stopAll() {
        nodes.forEach(EmbeddedServer::close);
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
        EmbeddedServer first = startNode();
        Eventually.until("the first node leads", () -> leads(first));
        asterisk.awaitAction("Login", 1, TAKEOVER);
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
            assertEquals(1, asterisk.actions("Login").size(), "only the leader logged in to Asterisk");

            int answered = call.through("AgentConnect");
            asterisk.replay(call.blocks().subList(ringing, answered));
            Eventually.until("the leader stored the answer", () -> "answered".equals(status(data, call)));
            long diedAt = System.nanoTime();
            first.getApplicationContext().close();

            asterisk.awaitAction("Login", 2, TAKEOVER);
            Duration takeover = Duration.ofNanos(System.nanoTime() - diedAt);
            assertTrue(leads(second));
            asterisk.awaitAction("CoreShowChannels", 2, TAKEOVER);
            System.out.println("AMI connection taken over in " + takeover.toMillis() + " ms");

            asterisk.replay(call.blocks().subList(answered, call.blocks().size()));
            Map<String, Object> ended = operator.await("call-updated",
                    m -> call.linkedId().equals(call(m).get("externalId")) && call(m).get("endedAt") != null);
            assertEquals(call(pop).get("id"), call(ended).get("id"));
        }
        ScenarioRows.assertRowMatches(data, "ami", call.linkedId(), call.name(), call.expected());
        assertEquals(1, data.count("calls"), "one call, neither lost nor doubled by the takeover");
    }

    private static String status(TestData data, AmiSample call) {
        return data.db().queryOne("SELECT status FROM calls WHERE source = 'ami' AND external_id = ?",
                rs -> rs.getString(1), call.linkedId()).orElse("none");
    }
}

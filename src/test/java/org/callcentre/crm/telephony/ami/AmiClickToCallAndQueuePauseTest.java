package org.callcentre.crm.telephony.ami;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the CRM asks of Asterisk: Originate for click-to-call, QueuePause when operators go on break and back. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmiClickToCallAndQueuePauseTest implements TestPropertyProvider {
    static final Duration WAIT = Duration.ofSeconds(20);
    final AmiTestServer asterisk = AmiTestServer.start();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    AmiConnector connector;
    Api olga;

    @Override
    public Map<String, String> getProperties() {
        return asterisk.connection();
    }

    @AfterAll
    void stopAsterisk() {
        asterisk.close();
    }

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        olga = new Api(client).login("olga", TestData.PASSWORD);
        asterisk.awaitAction("Login", 1, WAIT);
        awaitAmiUp();
    }

    /** The peer saw the Login before the connector has read its answer; wait for the connector too. */
    private void awaitAmiUp() {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (!connector.connected()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("AMI not connected: " + connector.state());
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void clickToCallOriginatesFromTheOperatorsPhoneAndIsAudited() {
        int before = asterisk.actions("Originate").size();

        Api.Reply reply = olga.post("/api/calls/originate", Map.of("phone", "8 (916) 123-45-67"));

        assertEquals(202, reply.status(), reply.toString());
        assertEquals(Map.of("status", "originating"), reply.data());
        Map<String, String> originate = asterisk.awaitAction("Originate", before + 1, WAIT);
        assertEquals("PJSIP/101", originate.get("Channel"));
        assertEquals("79161234567", originate.get("Exten"));
        assertEquals("from-internal", originate.get("Context"));
        assertEquals("1", originate.get("Priority"));
        assertEquals("true", originate.get("Async"));
        assertEquals("\"79161234567\" <101>", originate.get("CallerID"));
        assertEquals(1, data.count("audit_log WHERE action = 'originate' AND actor_login = 'olga' AND changes->>'phone' = '+79161234567'"));
    }

    @Test
    void aBadPhoneIs400AndNothingIsDialled() {
        int before = asterisk.actions("Originate").size();
        Api.Reply reply = olga.post("/api/calls/originate", Map.of("phone", "12"));
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().containsKey("phone"), reply.toString());
        assertEquals(before, asterisk.actions("Originate").size());
        assertEquals(0, data.count("audit_log WHERE action = 'originate'"));
    }

    @Test
    void aSupervisorWithoutAnExtensionIs409() {
        data.user("sveta", "supervisor", null, null);
        Api.Reply reply = new Api(client).login("sveta", TestData.PASSWORD).post("/api/calls/originate", Map.of("phone", "+79161234567"));
        assertEquals(409, reply.status(), reply.toString());
        assertTrue(reply.error().get("message").toString().contains("SIP address"), reply.toString());
    }

    @Test
    void aBreakPausesTheOperatorInTheQueuesAndWorkingUnpausesThem() {
        int before = asterisk.actions("QueuePause").size();

        assertEquals(200, olga.put("/api/operators/me/status", Map.of("statusWork", "break")).status());
        Map<String, String> pause = asterisk.awaitAction("QueuePause", before + 1, WAIT);
        assertEquals("PJSIP/101", pause.get("Interface"));
        assertEquals("true", pause.get("Paused"));
        assertEquals("break", pause.get("Reason"));

        assertEquals(200, olga.put("/api/operators/me/status", Map.of("statusWork", "working")).status());
        Map<String, String> unpause = asterisk.awaitAction("QueuePause", before + 2, WAIT);
        assertEquals("PJSIP/101", unpause.get("Interface"));
        assertEquals("false", unpause.get("Paused"));
    }
}

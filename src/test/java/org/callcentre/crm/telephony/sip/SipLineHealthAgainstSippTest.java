package org.callcentre.crm.telephony.sip;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance check: a line answered by a real SIPp is up. Each test starts its own SIPp, so that
 * without sipp every test shows as skipped with the reason (an abort in {@code @BeforeAll} would
 * report nothing at all).
 */
@MicronautTest(transactional = false)
class SipLineHealthAgainstSippTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    SipLineChecks checks;
    Api admin;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("boss", "admin", null, null);
        admin = new Api(client).login("boss", TestData.PASSWORD);
    }

    private long line(String name, int port, String transport, boolean enabled) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("host", "127.0.0.1");
        body.put("port", port);
        body.put("transport", transport);
        body.put("enabled", enabled);
        Api.Reply reply = admin.post("/api/sip-lines", body);
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    private static void assertUp(Map<String, Object> status) {
        assertEquals("up", status.get("state"), status.toString());
        assertEquals(200, status.get("lastCode"));
        assertEquals("OK", status.get("lastReason"));
        assertTrue(((Number) status.get("rttMs")).intValue() >= 0, status.toString());
        assertNotNull(status.get("checkedAt"));
        assertEquals(0, status.get("consecutiveFailures"));
        assertNull(status.get("error"));
    }

    @Test
    void aUdpLineAnsweredBySippIsUp() throws Exception {
        try (SippUas sipp = SippUas.start("udp")) {
            long id = line("Trunk UDP", sipp.port(), "udp", true);
            assertEquals("unknown", admin.get("/api/sip-lines/" + id + "/status").data().get("state"));

            Api.Reply probed = admin.post("/api/sip-lines/" + id + "/probe", Map.of());
            assertEquals(200, probed.status(), probed.toString());
            assertEquals(id, ((Number) probed.data().get("lineId")).longValue());
            assertUp(probed.data());
            assertEquals(probed.data(), admin.get("/api/sip-lines/" + id + "/status").data());
        }
    }

    @Test
    void aTcpLineAnsweredBySippIsUp() throws Exception {
        try (SippUas sipp = SippUas.start("tcp")) {
            long id = line("Trunk TCP", sipp.port(), "tcp", true);
            Api.Reply probed = admin.post("/api/sip-lines/" + id + "/probe", Map.of());
            assertEquals(200, probed.status(), probed.toString());
            assertUp(probed.data());
        }
    }

    @Test
    void aLineThatComesBackIsUpWithItsFailuresCleared() throws Exception {
        try (SippUas sipp = SippUas.start("tcp")) {
            long id = line("Trunk TCP", SippUas.freeTcpPort(), "tcp", true);
            assertEquals("down", admin.post("/api/sip-lines/" + id + "/probe", Map.of()).data().get("state"));
            assertEquals(200, admin.patch("/api/sip-lines/" + id, Map.of("port", sipp.port())).status());
            assertUp(admin.post("/api/sip-lines/" + id + "/probe", Map.of()).data());
        }
    }

    @Test
    void theScheduledRoundProbesEnabledLinesOnly() throws Exception {
        try (SippUas sipp = SippUas.start("udp")) {
            long enabled = line("Trunk on", sipp.port(), "udp", true);
            long disabled = line("Trunk off", sipp.port(), "udp", false);
            checks.probeEnabledLines();
            assertUp(admin.get("/api/sip-lines/" + enabled + "/status").data());
            assertEquals("unknown", admin.get("/api/sip-lines/" + disabled + "/status").data().get("state"));
        }
    }
}

package org.callcentre.crm.telephony.sip;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Closed ports on 127.0.0.1: nothing answers, and that is a status, not a server error. */
@MicronautTest(transactional = false)
class SipLineHealthOfUnreachableLinesTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api admin;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("boss", "admin", null, null);
        admin = new Api(client).login("boss", TestData.PASSWORD);
    }

    private long line(int port, String transport) {
        Api.Reply reply = admin.post("/api/sip-lines", Map.of("name", "Trunk", "host", "127.0.0.1", "port", port, "transport", transport));
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    private Map<String, Object> probe(long id) {
        Api.Reply reply = admin.post("/api/sip-lines/" + id + "/probe", Map.of());
        assertEquals(200, reply.status(), reply.toString());
        return reply.data();
    }

    @Test
    void aClosedUdpPortIsDownOnceTheTimeoutPasses() throws Exception {
        Map<String, Object> status = probe(line(SippUas.freeUdpPort(), "udp"));
        assertEquals("down", status.get("state"), status.toString());
        assertNull(status.get("lastCode"));
        assertNull(status.get("rttMs"));
        assertEquals("no answer within 5000 ms", status.get("error"));
        assertEquals(1, status.get("consecutiveFailures"));
    }

    @Test
    void aClosedTcpPortIsDownAndFailuresAddUp() throws Exception {
        long id = line(SippUas.freeTcpPort(), "tcp");
        Map<String, Object> first = probe(id);
        assertEquals("down", first.get("state"), first.toString());
        assertTrue(((String) first.get("error")).startsWith("cannot send OPTIONS from 127.0.0.1 to sip:ping@127.0.0.1:"), first.toString());
        assertEquals(1, first.get("consecutiveFailures"));
        assertEquals(2, probe(id).get("consecutiveFailures"));
        assertEquals(2, admin.get("/api/sip-lines/" + id + "/status").data().get("consecutiveFailures"));
    }

    @Test
    void aTlsLineIsNotProbedAndSaysWhy() {
        Map<String, Object> status = probe(line(5061, "tls"));
        assertEquals("unknown", status.get("state"), status.toString());
        assertTrue(((String) status.get("error")).contains("TLS"), status.toString());
        assertEquals(0, status.get("consecutiveFailures"));
    }
}

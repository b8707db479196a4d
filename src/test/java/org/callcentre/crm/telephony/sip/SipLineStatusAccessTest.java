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

@MicronautTest(transactional = false)
class SipLineStatusAccessTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api admin;
    long id;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("boss", "admin", null, null);
        api = new Api(client);
        admin = api.login("boss", TestData.PASSWORD);
        // TLS lines are recorded without sending anything, so these tests touch no network
        Api.Reply created = admin.post("/api/sip-lines", Map.of("name", "Trunk", "host", "pbx.example.com", "transport", "tls"));
        assertEquals(201, created.status(), created.toString());
        id = ((Number) created.data().get("id")).longValue();
    }

    @Test
    void aLineNeverProbedIsUnknown() {
        data.user("sveta", "supervisor", null, null);
        Api.Reply status = api.login("sveta", TestData.PASSWORD).get("/api/sip-lines/" + id + "/status");
        assertEquals(200, status.status(), status.toString());
        Map<String, Object> expected = new HashMap<>();
        expected.put("lineId", (int) id);
        expected.put("state", "unknown");
        expected.put("lastCode", null);
        expected.put("lastReason", null);
        expected.put("rttMs", null);
        expected.put("checkedAt", null);
        expected.put("consecutiveFailures", 0);
        expected.put("error", null);
        assertEquals(expected, status.data());
        assertEquals(true, status.body().get("success"));
    }

    @Test
    void supervisorsReadTheStatusButCannotProbe() {
        data.user("sveta", "supervisor", null, null);
        Api supervisor = api.login("sveta", TestData.PASSWORD);
        assertEquals(200, supervisor.get("/api/sip-lines/" + id + "/status").status());
        assertEquals(403, supervisor.post("/api/sip-lines/" + id + "/probe", Map.of()).status());
        assertEquals(0, data.count("sip_line_status"));
    }

    @Test
    void operatorsCannotReadOrProbe() {
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        Api operator = api.login("olga", TestData.PASSWORD);
        assertEquals(403, operator.get("/api/sip-lines/" + id + "/status").status());
        assertEquals(403, operator.post("/api/sip-lines/" + id + "/probe", Map.of()).status());
        assertEquals(0, data.count("sip_line_status"));
    }

    @Test
    void noTokenIs401() {
        assertEquals(401, api.get("/api/sip-lines/" + id + "/status").status());
        assertEquals(401, api.post("/api/sip-lines/" + id + "/probe", Map.of()).status());
        assertEquals(0, data.count("sip_line_status"));
    }

    @Test
    void anUnknownLineIs404AndAMalformedId400() {
        Api.Reply status = admin.get("/api/sip-lines/" + (id + 1) + "/status");
        assertEquals(404, status.status(), status.toString());
        assertEquals("not_found", status.error().get("code"));
        assertEquals(404, admin.post("/api/sip-lines/" + (id + 1) + "/probe", Map.of()).status());
        assertEquals(400, admin.get("/api/sip-lines/abc/status").status());
        assertEquals(400, admin.post("/api/sip-lines/abc/probe", Map.of()).status());
    }

    @Test
    void deletingALineDeletesItsStatus() {
        assertEquals(200, admin.post("/api/sip-lines/" + id + "/probe", Map.of()).status());
        assertEquals(1, data.count("sip_line_status"));
        assertEquals(200, admin.delete("/api/sip-lines/" + id).status());
        assertEquals(0, data.count("sip_line_status"));
    }
}

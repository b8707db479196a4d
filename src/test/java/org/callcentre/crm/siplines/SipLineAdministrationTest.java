package org.callcentre.crm.siplines;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class SipLineAdministrationTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api admin;
    long kazan;

    @BeforeEach
    void setUp() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        api = new Api(client);
        admin = api.login("boss", TestData.PASSWORD);
    }

    private long create(String name, String host) {
        Api.Reply reply = admin.post("/api/sip-lines", Map.of("name", name, "host", host));
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    @Test
    void adminCreatesALineWithDefaults() {
        Api.Reply created = admin.post("/api/sip-lines", Map.of("name", "Trunk 1", "host", "sip.zadarma.com"));
        assertEquals(201, created.status(), created.toString());
        assertEquals("Trunk 1", created.data().get("name"));
        assertEquals(5060, created.data().get("port"));
        assertEquals("udp", created.data().get("transport"));
        assertEquals(true, created.data().get("enabled"));
        assertEquals(false, created.data().get("hasSecret"));
        assertEquals(null, created.data().get("city"));

        Api.Reply read = admin.get("/api/sip-lines/" + created.data().get("id"));
        assertEquals(200, read.status());
        assertEquals(created.data(), read.data());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'sip_line'"));
    }

    @Test
    void adminCreatesAFullySpecifiedLine() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Kazan TLS");
        body.put("host", "2001:db8::10");
        body.put("port", 5061);
        body.put("transport", "tls");
        body.put("username", "kazan01");
        body.put("city", "Казань");
        body.put("enabled", false);
        Api.Reply created = admin.post("/api/sip-lines", body);
        assertEquals(201, created.status(), created.toString());
        assertEquals(5061, created.data().get("port"));
        assertEquals("tls", created.data().get("transport"));
        assertEquals("kazan01", created.data().get("username"));
        assertEquals("Казань", created.data().get("city"));
        assertEquals(false, created.data().get("enabled"));
    }

    @Test
    void listIsNewestFirstForSupervisors() {
        create("Trunk 1", "10.0.0.1");
        create("Trunk 2", "10.0.0.2");
        data.user("sveta", "supervisor", null, null);
        Api.Reply list = api.login("sveta", TestData.PASSWORD).get("/api/sip-lines");
        assertEquals(200, list.status(), list.toString());
        assertEquals(List.of("Trunk 2", "Trunk 1"), list.list().stream().map(l -> l.get("name")).toList());
        assertEquals(400, admin.get("/api/sip-lines?limit=101").status());
    }

    @Test
    void badFieldsAre400NamingThemAndWriteNothing() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Trunk 1");
        body.put("host", "sip zadarma com");
        body.put("port", 70000);
        body.put("transport", "sctp");
        body.put("city", "Atlantis");
        Api.Reply reply = admin.post("/api/sip-lines", body);
        assertEquals(400, reply.status(), reply.toString());
        assertEquals(java.util.Set.of("host", "port", "transport", "city"), reply.errorFields().keySet());
        assertEquals(0, data.count("sip_lines"));
    }

    @Test
    void hostMustBeANameOrAnAddress() {
        for (String host : List.of("", "sip.example.com:5060", "10.0.0.300", "-bad.example.com", "x".repeat(254), "fe80::1%eth0")) {
            Api.Reply reply = admin.post("/api/sip-lines", Map.of("name", "Trunk", "host", host));
            assertEquals(400, reply.status(), host);
            assertTrue(reply.errorFields().containsKey("host"), reply.toString());
        }
        for (String host : List.of("pbx", "sip.zadarma.com", "192.168.1.10", "::1", "2001:db8:0:0:0:0:0:1")) {
            assertEquals(201, admin.post("/api/sip-lines", Map.of("name", "Trunk " + host, "host", host)).status(), host);
        }
    }

    @Test
    void portMustBeAWholeNumberInRange() {
        for (Object port : List.of(0, 65536, "abc", 5060.5)) {
            Api.Reply reply = admin.post("/api/sip-lines", Map.of("name", "Trunk", "host", "pbx", "port", port));
            assertEquals(400, reply.status(), port + " → " + reply);
            assertTrue(reply.errorFields().containsKey("port"), reply.toString());
        }
        assertEquals(0, data.count("sip_lines"));
    }

    @Test
    void enabledMustBeABoolean() {
        Api.Reply reply = admin.post("/api/sip-lines", Map.of("name", "Trunk", "host", "pbx", "enabled", "maybe"));
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().containsKey("enabled"));
        assertEquals(0, data.count("sip_lines"));
    }

    @Test
    void duplicateNameIs409() {
        create("Trunk 1", "10.0.0.1");
        long second = create("Trunk 2", "10.0.0.2");
        assertEquals(409, admin.post("/api/sip-lines", Map.of("name", "Trunk 1", "host", "10.0.0.3")).status());
        assertEquals(409, admin.patch("/api/sip-lines/" + second, Map.of("name", "Trunk 1")).status());
        assertEquals(2, data.count("sip_lines"));
    }

    @Test
    void patchAndPutChangeOnlyTheGivenFields() {
        long id = create("Trunk 1", "10.0.0.1");
        Api.Reply patched = admin.patch("/api/sip-lines/" + id, Map.of("transport", "tcp", "city", "Казань", "enabled", false));
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("tcp", patched.data().get("transport"));
        assertEquals("Казань", patched.data().get("city"));
        assertEquals(false, patched.data().get("enabled"));
        assertEquals("10.0.0.1", patched.data().get("host"));
        Api.Reply put = admin.put("/api/sip-lines/" + id, Map.of("port", 5080, "city", ""));
        assertEquals(5080, put.data().get("port"));
        assertEquals(null, put.data().get("city"));
        assertEquals(2L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'update' AND entity = 'sip_line'"));
    }

    @Test
    void adminDeletesALine() {
        long id = create("Trunk 1", "10.0.0.1");
        assertEquals(200, admin.delete("/api/sip-lines/" + id).status());
        assertEquals(0, data.count("sip_lines"));
        assertEquals(404, admin.get("/api/sip-lines/" + id).status());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE action = 'delete' AND entity = 'sip_line'"));
    }

    @Test
    void operatorsCannotReadOrChangeLines() {
        long id = create("Trunk 1", "10.0.0.1");
        data.user("olga", "operator", kazan, "101");
        Api operator = api.login("olga", TestData.PASSWORD);
        assertEquals(403, operator.get("/api/sip-lines").status());
        assertEquals(403, operator.get("/api/sip-lines/" + id).status());
        assertEquals(403, operator.post("/api/sip-lines", Map.of("name", "Trunk 2", "host", "10.0.0.2")).status());
        assertEquals(403, operator.delete("/api/sip-lines/" + id).status());
        assertEquals(1, data.count("sip_lines"));
    }

    @Test
    void supervisorsCannotChangeLines() {
        long id = create("Trunk 1", "10.0.0.1");
        data.user("sveta", "supervisor", null, null);
        Api supervisor = api.login("sveta", TestData.PASSWORD);
        assertEquals(403, supervisor.post("/api/sip-lines", Map.of("name", "Trunk 2", "host", "10.0.0.2")).status());
        assertEquals(403, supervisor.patch("/api/sip-lines/" + id, Map.of("enabled", false)).status());
        assertEquals(403, supervisor.delete("/api/sip-lines/" + id).status());
    }

    @Test
    void noTokenIs401() {
        assertEquals(401, api.get("/api/sip-lines").status());
        assertEquals(401, api.post("/api/sip-lines", Map.of("name", "Trunk", "host", "pbx")).status());
        assertEquals(0, data.count("sip_lines"));
    }
}

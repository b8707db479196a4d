package org.callcentre.crm.clients;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ClientCardTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api olga;
    Api oleg;
    Api boss;
    long olgaId;
    long clientId;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        olgaId = data.user("olga", "operator", kazan, "101");
        data.user("oleg", "operator", data.city("Омск", "Asia/Omsk"), "102");
        data.user("boss", "supervisor", null, null);
        api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        oleg = api.login("oleg", TestData.PASSWORD);
        boss = api.login("boss", TestData.PASSWORD);
        Api.Reply first = olga.post("/api/orders", Map.of("phone", "+79161234567", "clientName", "Иван", "problem", "первый"));
        clientId = ((Number) first.data().get("clientId")).longValue();
        olga.post("/api/orders", Map.of("phone", "+79161234567", "problem", "второй"));
        oleg.post("/api/orders", Map.of("phone", "+79161234567", "problem", "омский"));
        Instant start = Instant.parse("2025-03-01T10:00:00Z");
        for (int i = 0; i < 12; i++) {
            data.db().update("INSERT INTO calls (source, external_id, client_id, client_phone, direction, status, operator_id, "
                            + "created_at, talk_seconds) VALUES ('mango', ?, ?, '+79161234567', 'inbound', 'answered', ?, ?, ?)",
                    "call-" + i, clientId, olgaId, start.plus(i, ChronoUnit.HOURS), i * 10);
        }
    }

    @Test
    void theCardShowsPhonesNotesOrdersAndTheLastTenCalls() {
        assertEquals(201, olga.post("/api/clients/" + clientId + "/notes", Map.of("text", "просит звонить после 18")).status());
        assertEquals(201, boss.post("/api/clients/" + clientId + "/notes", Map.of("text", "постоянный клиент")).status());

        Api.Reply reply = boss.get("/api/clients/" + clientId);
        assertEquals(200, reply.status(), reply.toString());
        Map<String, Object> card = reply.data();
        assertEquals("Иван", card.get("name"));
        assertEquals("Казань", card.get("city"));
        assertEquals(List.of("+79161234567"), card.get("phones"));
        assertEquals(List.of(), card.get("tags"));

        List<Map<String, Object>> notes = list(card, "notes");
        assertEquals(List.of("постоянный клиент", "просит звонить после 18"), notes.stream().map(n -> n.get("text")).toList());
        assertEquals(List.of("boss", "olga"), notes.stream().map(n -> n.get("authorLogin")).toList());

        assertEquals(List.of("омский", "второй", "первый"), list(card, "orders").stream().map(o -> o.get("problem")).toList());

        List<Map<String, Object>> calls = list(card, "lastCalls");
        assertEquals(10, calls.size());
        assertEquals("2025-03-01T21:00:00Z", calls.get(0).get("createdAt"));
        assertEquals(110, ((Number) calls.get(0).get("talkSeconds")).intValue());
        assertEquals("inbound", calls.get(0).get("direction"));
        assertEquals("answered", calls.get(0).get("status"));
        assertEquals(olgaId, ((Number) calls.get(0).get("operatorId")).longValue());
    }

    @Test
    void anOperatorSeesOnlyTheirCitysOrdersOnTheCard() {
        assertEquals(List.of("второй", "первый"),
                list(olga.get("/api/clients/" + clientId).data(), "orders").stream().map(o -> o.get("problem")).toList());
    }

    @Test
    void aNoteIsAuditedAndNeedsText() {
        Api.Reply created = olga.post("/api/clients/" + clientId + "/notes", Map.of("text", "  перезвонить  "));
        assertEquals("перезвонить", created.data().get("text"));
        assertEquals("olga", created.data().get("authorLogin"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'client_note' AND action = 'create'"));

        Api.Reply blank = olga.post("/api/clients/" + clientId + "/notes", Map.of("text", " "));
        assertEquals(400, blank.status());
        assertTrue(blank.errorFields().containsKey("text"));
        assertEquals(1L, data.count("client_notes"));
    }

    @Test
    void anUnknownClientIs404() {
        assertEquals(404, olga.get("/api/clients/999999").status());
        assertEquals(404, olga.post("/api/clients/999999/notes", Map.of("text", "x")).status());
    }

    @Test
    void withoutATokenIs401() {
        assertEquals(401, api.get("/api/clients/" + clientId).status());
        assertEquals(401, api.post("/api/clients/" + clientId + "/notes", Map.of("text", "x")).status());
        assertEquals(0L, data.count("client_notes"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> card, String key) {
        return (List<Map<String, Object>>) card.get(key);
    }
}

package org.callcentre.crm.ai.drafts;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.asr.TranscriptStored;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OrderDraftApiTest {
    private static final String TEXT = "меня зовут ольга стиральная машина не сливает воду улица ленина дом пять квартира двенадцать завтра после обеда";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    @Inject
    ApplicationEventPublisher<TranscriptStored> transcripts;
    @Inject
    TransactionOperations<Connection> transactions;

    @BeforeEach
    void reset() {
        data.reset();
    }

    @Test
    void theDraftEndpointReadsAnyTextAndNamesBadFields() {
        data.city("Казань", "Europe/Moscow");
        data.user("op", "operator", null, null);
        Api api = new Api(client).login("op", TestData.PASSWORD);
        Api.Reply reply = api.post("/api/ai/order-draft", Map.of("text", TEXT, "city", "Казань", "callTime", "2026-03-10T11:20:00+03:00"));
        assertEquals(200, reply.status());
        assertEquals(Map.of("value", "ул. Ленина, д. 5, кв. 12", "evidence", "улица ленина дом пять квартира двенадцать"), reply.data().get("address"));
        assertEquals("2026-03-11", ((Map<?, ?>) reply.data().get("visitDate")).get("value"));
        assertEquals("Казань", ((Map<?, ?>) reply.data().get("city")).get("value"));
        assertEquals(true, reply.data().get("generated"));

        Api.Reply bad = api.post("/api/ai/order-draft", Map.of("city", "Атлантида", "callTime", "вчера"));
        assertEquals(400, bad.status());
        assertEquals(java.util.Set.of("text", "city", "callTime"), bad.errorFields().keySet());
        assertEquals(401, new Api(client).post("/api/ai/order-draft", Map.of("text", TEXT)).status());
    }

    @Test
    void aStoredTranscriptGivesTheCallADraftThatAcceptingTurnsIntoAnOrderLinkedToTheCall() {
        long kazan = data.city("Казань", "Europe/Moscow");
        long moscow = data.city("Москва", "Europe/Moscow");
        data.user("op", "operator", kazan, "101");
        data.user("other", "operator", moscow, "102");
        long callId = data.db().insert("INSERT INTO calls (source, external_id, city_id, client_phone, direction, status, created_at) "
                + "VALUES ('ami', 'x1', ?, '+79161234567', 'inbound', 'answered', ?) RETURNING id", kazan, Instant.parse("2026-03-10T08:20:00Z"));
        transactions.executeWrite(status -> {
            transcripts.publishEvent(new TranscriptStored(callId, TEXT));
            return null;
        });
        Api op = new Api(client).login("op", TestData.PASSWORD);
        Map<String, Object> shown = op.get("/api/calls/" + callId + "/order-draft").data();
        Map<?, ?> draft = (Map<?, ?>) shown.get("draft");
        assertEquals(true, draft.get("generated"));
        assertEquals("2026-03-11", ((Map<?, ?>) draft.get("visitDate")).get("value"));
        assertEquals(404, new Api(client).login("other", TestData.PASSWORD).get("/api/calls/" + callId + "/order-draft").status());

        Api.Reply rejected = op.post("/api/calls/" + callId + "/order-draft/accept", Map.of("dateMeeting", "когда-нибудь"));
        assertEquals(400, rejected.status());
        assertTrue(rejected.errorFields().containsKey("dateMeeting"), String.valueOf(rejected.body()));
        assertEquals(0, data.count("orders"), "a rejected acceptance writes nothing");
        assertEquals(401, new Api(client).post("/api/calls/" + callId + "/order-draft/accept", Map.of()).status());

        Api.Reply accepted = op.post("/api/calls/" + callId + "/order-draft/accept", Map.of("problem", "не сливает воду, ошибка E21"));
        assertEquals(201, accepted.status(), String.valueOf(accepted.body()));
        Map<String, Object> order = accepted.data();
        assertEquals("ул. Ленина, д. 5, кв. 12", order.get("address"));
        assertEquals("стиральная машина", order.get("typeEquipment"));
        assertEquals("не сливает воду, ошибка E21", order.get("problem"));
        assertEquals("Ольга", order.get("clientName"));
        assertEquals("+79161234567", order.get("phone"));
        long orderId = ((Number) order.get("id")).longValue();
        assertEquals(orderId, data.db().queryLong("SELECT order_id FROM calls WHERE id = ?", callId));
        assertEquals(callId, data.db().queryLong("SELECT call_id FROM orders WHERE id = ?", orderId));
        assertEquals(409, op.post("/api/calls/" + callId + "/order-draft/accept", Map.of()).status());
        assertEquals(1, data.count("orders"));
        assertTrue(data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'order_draft'") == 1);

        data.user("sup", "supervisor", null, null);
        Api supervisor = new Api(client).login("sup", TestData.PASSWORD);
        List<Map<String, Object>> edits = supervisor.get("/api/ai/order-draft/edits").list();
        Map<String, Map<String, Object>> byField = new java.util.HashMap<>();
        edits.forEach(e -> byField.put((String) e.get("field"), e));
        assertEquals(6, byField.size(), String.valueOf(edits));
        assertEquals(1, ((Number) byField.get("problem").get("changed")).intValue(), "the operator rewrote the problem");
        assertEquals(1.0, ((Number) byField.get("problem").get("editedShare")).doubleValue());
        assertEquals(1, ((Number) byField.get("address").get("kept")).intValue());
        assertEquals(1, ((Number) byField.get("visit_date").get("kept")).intValue(), "the day booked at 09:00 is the draft's day");
        assertEquals(0, ((Number) supervisor.get("/api/ai/order-draft/edits?dateFrom=2000-01-01&dateTo=2000-01-02").list().get(0)
                .get("accepted")).intValue());
        assertEquals(400, supervisor.get("/api/ai/order-draft/edits?dateFrom=yesterday").status());
        assertEquals(403, op.get("/api/ai/order-draft/edits").status());
    }
}

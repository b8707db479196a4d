package org.callcentre.crm.orders;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OrderEditingTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    long orderId;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        olga = new Api(client).login("olga", TestData.PASSWORD);
        Api.Reply created = olga.post("/api/orders", Map.of("phone", "+79161234567", "clientName", "Иван"));
        orderId = ((Number) created.data().get("id")).longValue();
    }

    private Api.Reply patch(Map<String, Object> body) {
        return olga.patch("/api/orders/" + orderId, body);
    }

    private static BigDecimal money(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros();
    }

    @Test
    void cleanIsResultLessExpenditureUnlessGiven() {
        Api.Reply computed = patch(Map.of("result", 5000, "expenditure", 1250.5));
        assertEquals(200, computed.status(), computed.toString());
        assertEquals(money("3749.5"), money(computed.data().get("clean")));

        Api.Reply onlyResult = patch(Map.of("result", 6000));
        assertEquals(money("4749.5"), money(onlyResult.data().get("clean")), "the stored expenditure still counts");

        Api.Reply explicit = patch(Map.of("result", 7000, "clean", 100));
        assertEquals(money("100"), money(explicit.data().get("clean")));

        Api.Reply untouched = patch(Map.of("problem", "шумит"));
        assertEquals(money("100"), money(untouched.data().get("clean")), "an explicit clean stays until the amounts change");
    }

    @Test
    void amountsHaveAtMostTwoDecimalsAndAreNotNegative() {
        Api.Reply reply = patch(Map.of("result", 10.555, "expenditure", -1, "clean", 1.001));
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().keySet().containsAll(List.of("result", "expenditure", "clean")), reply.toString());
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM orders WHERE result IS NOT NULL"));
    }

    @Test
    void aMasterMustExist() {
        long master = data.db().insert("INSERT INTO masters (name) VALUES ('Пётр') RETURNING id");
        assertEquals(master, ((Number) patch(Map.of("masterId", master)).data().get("masterId")).longValue());
        Api.Reply unknown = patch(Map.of("masterId", master + 1000));
        assertEquals(400, unknown.status());
        assertTrue(unknown.errorFields().containsKey("masterId"));
    }

    @Test
    void aNewPhoneMovesTheOrderToThatPhonesClient() {
        long before = ((Number) olga.get("/api/orders/" + orderId).data().get("clientId")).longValue();
        Api.Reply reply = patch(Map.of("phone", "8 917 000-00-01"));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("+79170000001", reply.data().get("phone"));
        assertNotEquals(before, ((Number) reply.data().get("clientId")).longValue());
        assertEquals(2L, data.count("clients"));
    }

    @Test
    void aBadPhoneIs400AndChangesNothing() {
        Api.Reply reply = patch(Map.of("phone", "abc", "problem", "шумит"));
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("phone"));
        Map<String, Object> stored = olga.get("/api/orders/" + orderId).data();
        assertEquals("+79161234567", stored.get("phone"));
        assertEquals(null, stored.get("problem"));
    }

    @Test
    void editableFieldsChangeAndTheChangeIsAudited() {
        Api.Reply reply = patch(Map.of("address", "ул. Пушкина, 10", "typeEquipment", "холодильник", "typeOrder", "warranty",
                "dateMeeting", "2025-03-01T10:00"));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("ул. Пушкина, 10", reply.data().get("address"));
        assertEquals("холодильник", reply.data().get("typeEquipment"));
        assertEquals("warranty", reply.data().get("typeOrder"));
        assertEquals("2025-03-01T07:00:00Z", reply.data().get("dateMeeting"));
        assertEquals("холодильник", data.db().queryOne("SELECT changes->'typeEquipment'->>'to' FROM audit_log "
                + "WHERE entity = 'order' AND action = 'update'", rs -> rs.getString(1)).orElseThrow());
    }

    @Test
    void anUnknownOrderIs404() {
        assertEquals(404, olga.get("/api/orders/999999").status());
        assertEquals(404, olga.patch("/api/orders/999999", Map.of("problem", "x")).status());
    }
}

package org.callcentre.crm.orders;

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

@MicronautTest(transactional = false)
class OrderCreationTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api olga;
    Api boss;
    long olgaId;
    long kazan;

    @BeforeEach
    void setUp() {
        data.reset();
        kazan = data.city("Казань", "Europe/Moscow");
        data.city("Новосибирск", "Asia/Novosibirsk");
        olgaId = data.user("olga", "operator", kazan, "101");
        data.user("boss", "supervisor", null, null);
        api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        boss = api.login("boss", TestData.PASSWORD);
    }

    private static Map<String, Object> order(Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("city", "Казань", "phone", "8 916 123-45-67",
                "clientName", "Иван", "address", "ул. Баумана, 1", "typeEquipment", "стиральная машина",
                "problem", "не сливает воду", "rk", "avito-kzn"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void operatorCreatesANewOrderLinkedToTheClientOfThePhone() {
        Api.Reply reply = olga.post("/api/orders", order());
        assertEquals(201, reply.status(), reply.toString());
        Map<String, Object> o = reply.data();
        assertEquals("+79161234567", o.get("phone"));
        assertEquals("Казань", o.get("city"));
        assertEquals("new", o.get("status"));
        assertEquals("first_time", o.get("typeOrder"));
        assertEquals("Иван", o.get("clientName"));
        assertEquals("avito-kzn", o.get("rk"));
        assertEquals(olgaId, ((Number) o.get("operatorNameId")).longValue(), "the creating operator is the default");
        assertNull(o.get("closedAt"));
        assertNotNull(o.get("createdAt"));
        long clientId = ((Number) o.get("clientId")).longValue();
        assertEquals(clientId, data.db().queryLong("SELECT client_id FROM client_phones WHERE phone = '+79161234567'"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'order' AND action = 'create' AND actor_login = 'olga'"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'client' AND action = 'create'"));
    }

    @Test
    void theSamePhoneWrittenDifferentlyReusesTheClient() {
        long first = ((Number) olga.post("/api/orders", order("phone", "8 916 123-45-67")).data().get("clientId")).longValue();
        Api.Reply second = olga.post("/api/orders", order("phone", "+7 (916) 123-45-67", "typeOrder", "repeat"));
        assertEquals(201, second.status(), second.toString());
        assertEquals(first, ((Number) second.data().get("clientId")).longValue());
        assertEquals("repeat", second.data().get("typeOrder"));
        assertEquals(1L, data.count("clients"));
    }

    @Test
    void missingPhoneIs400NamingPhoneAndWritesNothing() {
        Map<String, Object> body = order();
        body.remove("phone");
        Api.Reply reply = olga.post("/api/orders", body);
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().containsKey("phone"), reply.toString());
        assertEquals(0L, data.count("orders"));
        assertEquals(0L, data.count("clients"));
    }

    @Test
    void anInvalidPhoneIs400NamingPhoneAndWritesNothing() {
        Api.Reply reply = olga.post("/api/orders", order("phone", "abc"));
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().containsKey("phone"), reply.toString());
        assertEquals(0L, data.count("orders"));
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        Api.Reply reply = boss.post("/api/orders", order("city", "Атлантида", "typeOrder", "urgent",
                "dateMeeting", "tomorrow", "operatorNameId", 999999, "result", 10.555, "status", "completed"));
        assertEquals(400, reply.status(), reply.toString());
        for (String field : new String[]{"city", "typeOrder", "dateMeeting", "operatorNameId", "result", "status"}) {
            assertTrue(reply.errorFields().containsKey(field), field + " in " + reply);
        }
        assertEquals(0L, data.count("orders"));
    }

    @Test
    void aSupervisorMustNameTheCity() {
        Map<String, Object> body = order();
        body.remove("city");
        Api.Reply reply = boss.post("/api/orders", body);
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().containsKey("city"));
    }

    @Test
    void anOperatorCreatesInTheirOwnCityByDefaultAndNowhereElse() {
        Map<String, Object> body = order();
        body.remove("city");
        Api.Reply own = olga.post("/api/orders", body);
        assertEquals(201, own.status(), own.toString());
        assertEquals("Казань", own.data().get("city"));

        Api.Reply other = olga.post("/api/orders", order("city", "Новосибирск"));
        assertEquals(403, other.status(), other.toString());
        assertEquals("forbidden", other.error().get("code"));
        assertEquals(1L, data.count("orders"));
    }

    @Test
    void aLocalMeetingTimeIsInTheCitysZone() {
        Api.Reply local = boss.post("/api/orders", order("city", "Новосибирск", "dateMeeting", "2025-03-01T14:30"));
        assertEquals(201, local.status(), local.toString());
        assertEquals("2025-03-01T07:30:00Z", local.data().get("dateMeeting"));

        Api.Reply withOffset = boss.post("/api/orders", order("dateMeeting", "2025-03-01T14:30:00+03:00"));
        assertEquals("2025-03-01T11:30:00Z", withOffset.data().get("dateMeeting"));
    }

    @Test
    void aSupervisorMayNameTheOperator() {
        Api.Reply reply = boss.post("/api/orders", order("operatorNameId", olgaId));
        assertEquals(201, reply.status(), reply.toString());
        assertEquals(olgaId, ((Number) reply.data().get("operatorNameId")).longValue());
    }

    @Test
    void withoutATokenIs401() {
        Api.Reply reply = api.post("/api/orders", order());
        assertEquals(401, reply.status());
        assertEquals("unauthorized", reply.error().get("code"));
        assertEquals(0L, data.count("orders"));
    }
}

package org.callcentre.crm.calls;

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

import static org.callcentre.crm.calls.CallRows.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CallAnnotationTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api olga;
    long id;

    long samaraCall;
    long orderTaken;
    long retired;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        long samara = data.city("Самара", "Europe/Samara");
        data.user("olga", "operator", kazan, "101");
        id = call(data.db()).city(kazan).insert();
        samaraCall = call(data.db()).city(samara).insert();
        orderTaken = data.resultCode("disposition", "Оформлен заказ");
        retired = data.resultCode("disposition", "Старый итог");
        data.db().update("UPDATE result_codes SET active = false WHERE id = ?", retired);
        api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
    }

    @Test
    void operatorPicksADispositionOfTheListAndItIsAudited() {
        Api.Reply reply = olga.patch("/api/calls/" + id, Map.of("dispositionId", orderTaken, "note", "  wants a fridge repair "));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("Оформлен заказ", reply.data().get("disposition"));
        assertEquals(orderTaken, ((Number) reply.data().get("dispositionId")).longValue());
        assertEquals("wants a fridge repair", reply.data().get("note"));

        Map<String, Object> audit = data.db().queryOne("SELECT actor_login, action, entity_id, changes::text AS changes "
                        + "FROM audit_log WHERE entity = 'call'",
                rs -> Map.<String, Object>of("actor", rs.getString(1), "action", rs.getString(2), "entityId", rs.getString(3),
                        "changes", rs.getString(4))).orElseThrow();
        assertEquals("olga", audit.get("actor"));
        assertEquals("update", audit.get("action"));
        assertEquals(String.valueOf(id), audit.get("entityId"));
        assertTrue(((String) audit.get("changes")).contains("\"to\": \"Оформлен заказ\""), audit.toString());
    }

    @Test
    void anAbsentFieldKeepsItsValueAndABlankNoteClearsIt() {
        olga.patch("/api/calls/" + id, Map.of("dispositionId", orderTaken, "note", "call at 5"));

        Map<String, Object> kept = olga.patch("/api/calls/" + id, Map.of("note", "call at 6")).data();
        assertEquals("Оформлен заказ", kept.get("disposition"));
        assertEquals("call at 6", kept.get("note"));

        Map<String, Object> cleared = olga.patch("/api/calls/" + id, Map.of("note", " ")).data();
        assertNull(cleared.get("note"));
        assertEquals("Оформлен заказ", cleared.get("disposition"));
    }

    @Test
    void aRetiredOrUnknownDispositionOrAMissedCallIs400NamingDispositionIdAndWritesNothing() {
        long missed = call(data.db()).city(data.db().queryLong("SELECT id FROM cities WHERE name = 'Казань'")).status("missed").insert();
        for (Map.Entry<Long, Long> attempt : List.of(Map.entry(id, retired), Map.entry(id, 999_999L), Map.entry(missed, orderTaken))) {
            Api.Reply reply = olga.patch("/api/calls/" + attempt.getKey(), Map.of("dispositionId", attempt.getValue()));
            assertEquals(400, reply.status(), attempt + ": " + reply);
            assertEquals(List.of("dispositionId"), List.copyOf(reply.errorFields().keySet()), reply.toString());
        }
        assertEquals(0, data.count("calls WHERE disposition_id IS NOT NULL"));
        assertEquals(0, data.count("audit_log WHERE entity = 'call'"));
    }

    @Test
    void anotherCitysCallIsNotFoundForAnOperator() {
        assertEquals(404, olga.patch("/api/calls/" + samaraCall, Map.of("dispositionId", orderTaken)).status());
        assertEquals(0, data.count("calls WHERE disposition_id IS NOT NULL"));
    }

    @Test
    void tooLongTextIs400NamingTheFieldAndWritesNothing() {
        Map<String, Object> body = new HashMap<>();
        body.put("dispositionId", orderTaken);
        body.put("note", "x".repeat(2001));
        Api.Reply reply = olga.patch("/api/calls/" + id, body);
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.errorFields().containsKey("note"), reply.toString());
        assertEquals(0, data.count("calls WHERE disposition IS NOT NULL OR note IS NOT NULL"));
        assertEquals(0, data.count("audit_log WHERE entity = 'call'"));
    }

    @Test
    void malformedOrMissingBodyIs400() {
        for (String body : new String[]{"{\"note\": ", ""}) {
            Api.Reply reply = olga.patch("/api/calls/" + id, body);
            assertEquals(400, reply.status(), "'" + body + "' -> " + reply);
        }
        assertEquals(0, data.count("audit_log WHERE entity = 'call'"));
    }

    @Test
    void withoutATokenIs401() {
        assertEquals(401, api.patch("/api/calls/" + id, Map.of("note", "x")).status());
        assertEquals(0, data.count("audit_log WHERE entity = 'call'"));
    }
}

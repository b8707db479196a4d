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

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        id = call(data.db()).city(kazan).insert();
        api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
    }

    @Test
    void operatorAnnotatesACallOfTheirCityAndItIsAudited() {
        Api.Reply reply = olga.patch("/api/calls/" + id, Map.of("disposition", "order_taken", "note", "  wants a fridge repair "));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("order_taken", reply.data().get("disposition"));
        assertEquals("wants a fridge repair", reply.data().get("note"));

        Map<String, Object> audit = data.db().queryOne("SELECT actor_login, action, entity_id, changes::text AS changes "
                        + "FROM audit_log WHERE entity = 'call'",
                rs -> Map.<String, Object>of("actor", rs.getString(1), "action", rs.getString(2), "entityId", rs.getString(3),
                        "changes", rs.getString(4))).orElseThrow();
        assertEquals("olga", audit.get("actor"));
        assertEquals("update", audit.get("action"));
        assertEquals(String.valueOf(id), audit.get("entityId"));
        assertTrue(((String) audit.get("changes")).contains("\"to\": \"order_taken\""), audit.toString());
    }

    @Test
    void anAbsentFieldKeepsItsValueAndABlankOneClearsIt() {
        olga.patch("/api/calls/" + id, Map.of("disposition", "callback", "note", "call at 5"));

        Map<String, Object> kept = olga.patch("/api/calls/" + id, Map.of("note", "call at 6")).data();
        assertEquals("callback", kept.get("disposition"));
        assertEquals("call at 6", kept.get("note"));

        Map<String, Object> cleared = olga.patch("/api/calls/" + id, Map.of("disposition", " ")).data();
        assertNull(cleared.get("disposition"));
        assertEquals("call at 6", cleared.get("note"));
    }

    @Test
    void tooLongTextIs400NamingTheFieldAndWritesNothing() {
        Map<String, Object> body = new HashMap<>();
        body.put("disposition", "callback");
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

package org.callcentre.crm.resultcodes;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The admin-kept lists of dispositions and cancel reasons, over HTTP on the real database. */
@MicronautTest(transactional = false)
class ResultCodeApiTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api admin;
    Api olga;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        data.user("root", "admin", null, null);
        Api api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        admin = api.login("root", TestData.PASSWORD);
    }

    /** The entries a picker offers: the active ones, in the list's order. */
    private static List<String> names(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().filter(e -> Boolean.TRUE.equals(e.get("active"))).map(e -> (String) e.get("name")).toList();
    }

    @Test
    void anAdminAddsReordersAndRetiresAndOperatorsSeeTheActiveOnesInOrder() {
        Api.Reply created = admin.post("/api/result-codes/dispositions", Map.of("name", "Консультация", "position", 20));
        assertEquals(201, created.status(), created.toString());
        long advice = ((Number) created.data().get("id")).longValue();
        assertEquals("disposition", created.data().get("kind"));
        long order = ((Number) admin.post("/api/result-codes/dispositions", Map.of("name", "Оформлен заказ", "position", 10)).data().get("id")).longValue();
        assertEquals(201, admin.post("/api/result-codes/cancel-reasons", Map.of("name", "Дорого")).status());

        assertEquals(List.of("Оформлен заказ", "Консультация"), names(olga.get("/api/result-codes/dispositions")));
        assertEquals(List.of("Дорого"), names(olga.get("/api/result-codes/cancel-reasons")));

        assertEquals(200, admin.patch("/api/result-codes/dispositions/" + order, Map.of("active", false)).status());
        assertEquals(List.of("Консультация"), names(olga.get("/api/result-codes/dispositions")));
        assertEquals(List.of("Оформлен заказ", "Консультация"), admin.get("/api/result-codes/dispositions").list().stream()
                .map(e -> e.get("name")).toList(), "the retired entry stays listed, to be brought back");
        assertEquals(1, data.count("audit_log WHERE entity = 'disposition' AND action = 'update' AND entity_id = '" + order + "'"));
        assertEquals("Консультация", admin.patch("/api/result-codes/dispositions/" + advice, Map.of("position", 30)).data().get("name"));
    }

    @Test
    void aMissingBlankOrRepeatedNameIs400NamingItAndAddsNothing() {
        data.resultCode("disposition", "Дорого");
        for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of(), Map.of("name", "  "), Map.of("name", "Дорого"),
                Map.of("name", "x".repeat(101)))) {
            Api.Reply reply = admin.post("/api/result-codes/dispositions", body);
            assertEquals(400, reply.status(), body + ": " + reply);
            assertEquals(List.of("name"), List.copyOf(reply.errorFields().keySet()), reply.toString());
        }
        assertEquals(1, data.count("result_codes"));
        // the same name is free in the other list
        assertEquals(201, admin.post("/api/result-codes/cancel-reasons", Map.of("name", "Дорого")).status());
    }

    @Test
    void operatorsCannotChangeTheListsAndAnUnknownListIsNotFound() {
        long id = data.resultCode("cancel_reason", "Дорого");
        assertEquals(403, olga.post("/api/result-codes/cancel-reasons", Map.of("name", "Передумал")).status());
        assertEquals(403, olga.patch("/api/result-codes/cancel-reasons/" + id, Map.of("active", false)).status());
        assertEquals(404, olga.get("/api/result-codes/moods").status());
        assertEquals(404, admin.patch("/api/result-codes/dispositions/" + id, Map.of("active", false)).status(),
                "a cancel reason is not an entry of the dispositions");
        assertEquals(401, new Api(client).get("/api/result-codes/dispositions").status());
        assertEquals(1, data.count("result_codes WHERE active"));
    }
}

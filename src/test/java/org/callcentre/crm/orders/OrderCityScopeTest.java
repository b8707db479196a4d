package org.callcentre.crm.orders;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class OrderCityScopeTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api kazanOperator;
    Api omskOperator;
    Api admin;
    long omskOrder;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        data.user("oleg", "operator", data.city("Омск", "Asia/Omsk"), "102");
        data.user("root", "admin", null, null);
        Api api = new Api(client);
        kazanOperator = api.login("olga", TestData.PASSWORD);
        omskOperator = api.login("oleg", TestData.PASSWORD);
        admin = api.login("root", TestData.PASSWORD);
        assertEquals(201, kazanOperator.post("/api/orders", Map.of("phone", "+79161111111")).status());
        Api.Reply omsk = omskOperator.post("/api/orders", Map.of("phone", "+79162222222"));
        omskOrder = ((Number) omsk.data().get("id")).longValue();
    }

    @Test
    void anOperatorListsOnlyTheirCitysOrders() {
        Api.Reply kazan = kazanOperator.get("/api/orders");
        assertEquals(200, kazan.status(), kazan.toString());
        assertEquals(1, kazan.list().size());
        assertEquals("Казань", kazan.list().get(0).get("city"));
        assertEquals(0, kazanOperator.get("/api/orders?city=" + URLEncoder.encode("Омск", StandardCharsets.UTF_8)).list().size());
    }

    @Test
    void anOperatorCannotReadOrEditAnotherCitysOrder() {
        assertEquals(404, kazanOperator.get("/api/orders/" + omskOrder).status());
        assertEquals(404, kazanOperator.patch("/api/orders/" + omskOrder, Map.of("problem", "x")).status());
        assertEquals(200, omskOperator.get("/api/orders/" + omskOrder).status());
    }

    @Test
    void anOperatorCannotMoveAnOrderToAnotherCity() {
        Api.Reply reply = omskOperator.patch("/api/orders/" + omskOrder, Map.of("city", "Казань"));
        assertEquals(403, reply.status(), reply.toString());
        assertEquals("Омск", admin.get("/api/orders/" + omskOrder).data().get("city"));
    }

    @Test
    void anAdminSeesAndMovesEveryOrder() {
        assertEquals(2, admin.get("/api/orders").list().size());
        Api.Reply moved = admin.patch("/api/orders/" + omskOrder, Map.of("city", "Казань"));
        assertEquals(200, moved.status(), moved.toString());
        assertEquals(2, kazanOperator.get("/api/orders").list().size());
    }
}

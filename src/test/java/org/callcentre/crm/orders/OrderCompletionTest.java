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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The completion rule: an order is completed only with what the client paid and what the work cost; after that an
 * operator can no longer change the money (a supervisor can, and the audit log keeps both values).
 */
@MicronautTest(transactional = false)
class OrderCompletionTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    Api boss;
    long orderId;

    @BeforeEach
    void setUp() {
        data.reset();
        data.user("olga", "operator", data.city("Казань", "Europe/Moscow"), "101");
        data.user("boss", "supervisor", null, null);
        olga = new Api(client).login("olga", TestData.PASSWORD);
        boss = new Api(client).login("boss", TestData.PASSWORD);
        orderId = ((Number) olga.post("/api/orders", Map.of("phone", "+79161234567")).data().get("id")).longValue();
        assertEquals(200, olga.patch("/api/orders/" + orderId, Map.of("status", "assigned")).status());
        assertEquals(200, olga.patch("/api/orders/" + orderId, Map.of("status", "in_progress")).status());
    }

    private Api.Reply patch(Api who, Map<String, Object> body) {
        return who.patch("/api/orders/" + orderId, body);
    }

    private String status() {
        return (String) boss.get("/api/orders/" + orderId).data().get("status");
    }

    private static BigDecimal money(Object value) {
        return new BigDecimal(value.toString()).stripTrailingZeros();
    }

    @Test
    void completingWithoutTheAmountsIsA400NamingThem() {
        Api.Reply none = patch(olga, Map.of("status", "completed"));
        assertEquals(400, none.status(), none.toString());
        assertTrue(none.errorFields().keySet().containsAll(List.of("result", "expenditure")), none.toString());

        Api.Reply onlyResult = patch(boss, Map.of("status", "completed", "result", 5000));
        assertEquals(400, onlyResult.status(), onlyResult.toString());
        assertEquals(List.of("expenditure"), List.copyOf(onlyResult.errorFields().keySet()));
        assertEquals("in_progress", status());
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM orders WHERE result IS NOT NULL"), "nothing half-written");

        Api.Reply done = patch(olga, Map.of("status", "completed", "result", 5000, "expenditure", 1500));
        assertEquals(200, done.status(), done.toString());
        assertEquals(money("3500"), money(done.data().get("clean")));
    }

    @Test
    void amountsGivenBeforeCompletionAreEnough() {
        assertEquals(200, patch(olga, Map.of("result", 4000, "expenditure", 0)).status());
        assertEquals(200, patch(olga, Map.of("status", "completed")).status());
    }

    @Test
    void afterCompletionOnlyASupervisorChangesTheMoneyAudited() {
        assertEquals(200, patch(olga, Map.of("status", "completed", "result", 5000, "expenditure", 1500)).status());

        for (Map<String, Object> change : List.of(Map.<String, Object>of("result", 9000), Map.<String, Object>of("expenditure", 0),
                Map.<String, Object>of("clean", 1))) {
            Api.Reply refused = patch(olga, change);
            assertEquals(403, refused.status(), change + ": " + refused);
        }
        Map<String, Object> stored = boss.get("/api/orders/" + orderId).data();
        assertEquals(money("5000"), money(stored.get("result")));
        assertEquals(money("3500"), money(stored.get("clean")));
        assertEquals(200, patch(olga, Map.of("problem", "шумит", "result", 5000.00)).status(),
                "other fields, and the same amount written again, are no change of the money");

        Api.Reply corrected = patch(boss, Map.of("result", 5200));
        assertEquals(200, corrected.status(), corrected.toString());
        assertEquals(money("3700"), money(corrected.data().get("clean")));
        String audit = data.db().queryOne("SELECT changes::text FROM audit_log WHERE entity = 'order' AND entity_id = ? "
                + "AND actor_login = 'boss' ORDER BY id DESC LIMIT 1", rs -> rs.getString(1), String.valueOf(orderId)).orElseThrow();
        assertTrue(audit.contains("5000") && audit.contains("5200"), audit);
    }
}

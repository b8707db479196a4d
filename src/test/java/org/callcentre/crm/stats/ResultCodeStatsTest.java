package org.callcentre.crm.stats;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A call answered through a signed Mango webhook, its disposition picked over HTTP, and an order
 * cancelled with its reason: both are counted from the rollups by disposition and by reason.
 */
@MicronautTest(transactional = false)
class ResultCodeStatsTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api olga;
    Api boss;
    MangoWebhooks mango;
    long orderTaken;
    long advice;
    long tooExpensive;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.db().update("INSERT INTO campaigns (rk, city_id, phone_ats, source) VALUES ('KZN-AVITO', ?, '+78432507713', 'avito')", kazan);
        data.user("olga", "operator", kazan, "101");
        data.user("boss", "supervisor", null, null);
        orderTaken = data.resultCode("disposition", "Оформлен заказ");
        advice = data.resultCode("disposition", "Консультация");
        tooExpensive = data.resultCode("cancel_reason", "Дорого");
        data.resultCode("cancel_reason", "Клиент передумал");
        Api api = new Api(client);
        olga = api.login("olga", TestData.PASSWORD);
        boss = api.login("boss", TestData.PASSWORD);
        mango = new MangoWebhooks(client, data.db());
    }

    private static Map<String, Number> counts(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        Map<String, Number> counts = new LinkedHashMap<>();
        reply.list().forEach(row -> counts.put((String) row.get("name"), (Number) row.get("count")));
        return counts;
    }

    @Test
    void aPickedDispositionAndACancelReasonAreCountedOnTheSupervisorsStatistics() {
        long start = Instant.now().getEpochSecond() - 600;
        mango.summary("answered-1", "79161234567", start, start + 10, start + 130, "101");
        mango.awaitApplied();
        long call = data.db().queryLong("SELECT id FROM calls WHERE status = 'answered'");
        assertEquals(Map.of("Оформлен заказ", 0, "Консультация", 0), counts(boss.get("/api/stats/dispositions")));

        assertEquals(200, olga.patch("/api/calls/" + call, Map.of("dispositionId", advice)).status());
        assertEquals(200, olga.patch("/api/calls/" + call, Map.of("dispositionId", orderTaken)).status());
        List<Map<String, Object>> rows = boss.get("/api/stats/dispositions").list();
        assertEquals(Map.of("Оформлен заказ", 1, "Консультация", 0), counts(boss.get("/api/stats/dispositions")),
                "a changed disposition moves the call, it does not count it twice");
        assertEquals(120, ((Number) rows.get(0).get("averageTalkSeconds")).intValue());

        long order = ((Number) olga.post("/api/orders", Map.of("phone", "+79161234567")).data().get("id")).longValue();
        assertEquals(200, olga.patch("/api/orders/" + order, Map.of("status", "cancelled", "cancelReasonId", tooExpensive)).status());
        assertEquals(Map.of("Дорого", 1, "Клиент передумал", 0), counts(boss.get("/api/stats/cancel-reasons?city=" + "%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C")));
        assertEquals(200, boss.patch("/api/orders/" + order, Map.of("status", "new")).status());
        assertEquals(Map.of("Дорого", 0, "Клиент передумал", 0), counts(boss.get("/api/stats/cancel-reasons")));
    }

    @Test
    void operatorsAreDeniedAndABadCityOrDateIs400NamingIt() {
        assertEquals(403, olga.get("/api/stats/dispositions").status());
        assertEquals(403, olga.get("/api/stats/cancel-reasons").status());
        Api.Reply city = boss.get("/api/stats/dispositions?city=Atlantis");
        assertEquals(400, city.status(), city.toString());
        assertEquals(List.of("city"), List.copyOf(city.errorFields().keySet()));
        Api.Reply date = boss.get("/api/stats/cancel-reasons?startDate=yesterday-ish");
        assertEquals(400, date.status(), date.toString());
        assertEquals(List.of("startDate"), List.copyOf(date.errorFields().keySet()));
    }
}

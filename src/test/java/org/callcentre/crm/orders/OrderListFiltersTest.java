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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OrderListFiltersTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api api;
    Api boss;
    long olgaId;
    long first;
    long second;
    long third;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.city("Омск", "Asia/Omsk");
        olgaId = data.user("olga", "operator", kazan, "101");
        data.user("boss", "supervisor", null, null);
        api = new Api(client);
        boss = api.login("boss", TestData.PASSWORD);
        first = create(Map.of("city", "Казань", "phone", "+79161111111", "operatorNameId", olgaId));
        second = create(Map.of("city", "Омск", "phone", "+79162222222"));
        third = create(Map.of("city", "Казань", "phone", "+79163333333"));
        boss.patch("/api/orders/" + second, Map.of("status", "assigned"));
        // Omsk is UTC+6: its 2 March begins at 18:00 UTC on 1 March.
        data.db().update("UPDATE orders SET created_at = '2025-03-01 17:00:00+00' WHERE id = ?", first);
        data.db().update("UPDATE orders SET created_at = '2025-03-01 19:00:00+00' WHERE id = ?", second);
        data.db().update("UPDATE orders SET created_at = '2025-03-05 12:00:00+00' WHERE id = ?", third);
    }

    private long create(Map<String, Object> body) {
        Api.Reply reply = boss.post("/api/orders", body);
        assertEquals(201, reply.status(), reply.toString());
        return ((Number) reply.data().get("id")).longValue();
    }

    private List<Long> ids(String query) {
        Api.Reply reply = boss.get("/api/orders" + query);
        assertEquals(200, reply.status(), reply.toString());
        return reply.list().stream().map(o -> ((Number) o.get("id")).longValue()).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void newestFirstWithPagination() {
        assertEquals(List.of(third, second, first), ids(""));
        Api.Reply page = boss.get("/api/orders?page=2&limit=2");
        assertEquals(List.of(first), page.list().stream().map(o -> ((Number) o.get("id")).longValue()).toList());
        assertEquals(3, ((Number) page.pagination().get("total")).intValue());
        assertEquals(2, ((Number) page.pagination().get("totalPages")).intValue());
    }

    @Test
    void filtersNarrowTheList() {
        assertEquals(List.of(second), ids("?status=assigned"));
        assertEquals(List.of(third, first), ids("?city=" + encode("Казань")));
        assertEquals(List.of(first), ids("?operatorId=" + olgaId));
        assertEquals(List.of(first), ids("?phone=" + encode("8 (916) 111-11-11")));
    }

    @Test
    void plainDatesAreWholeDaysOfTheFilteredCity() {
        assertEquals(List.of(second), ids("?city=" + encode("Омск") + "&dateFrom=2025-03-02&dateTo=2025-03-02"));
        // Without a city the default zone (Moscow, UTC+3) decides: 1 March ends at 21:00 UTC.
        assertEquals(List.of(second, first), ids("?dateFrom=2025-03-01&dateTo=2025-03-01"));
        assertEquals(List.of(third), ids("?dateFrom=2025-03-02T00:00:00Z"));
    }

    @Test
    void badFiltersAre400NamingThem() {
        for (String query : List.of("?status=done", "?city=" + encode("Атлантида"), "?phone=abc", "?dateFrom=yesterday",
                "?limit=101", "?page=0")) {
            Api.Reply reply = boss.get("/api/orders" + query);
            assertEquals(400, reply.status(), query + ": " + reply);
            String field = query.substring(1, query.indexOf('='));
            assertTrue(reply.errorFields().containsKey(field), query + ": " + reply);
        }
    }

    @Test
    void withoutATokenIs401() {
        assertEquals(401, api.get("/api/orders").status());
        assertEquals(401, api.get("/api/orders/" + first).status());
        assertEquals(401, api.patch("/api/orders/" + first, Map.of("status", "assigned")).status());
    }
}

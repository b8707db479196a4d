package org.callcentre.crm.leads;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@MicronautTest(transactional = false)
class LeadIntakeIsIdempotentTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api website;

    @BeforeEach
    void setUp() {
        data.reset();
        data.city("Казань", "Europe/Moscow");
        data.user("root", "admin", null, null);
        Api api = new Api(client);
        String key = (String) api.login("root", TestData.PASSWORD).post("/api/api-keys", Map.of("name", "site")).data().get("key");
        website = api.withHeader("X-API-Key", key);
    }

    private static Map<String, Object> lead(String externalId) {
        return new HashMap<>(Map.of("externalId", externalId, "phone", "8 916 123-45-67", "name", "Иван", "city", "Казань",
                "rk", "site-kzn", "problem", "не включается", "address", "ул. Баумана, 1"));
    }

    @Test
    void aLeadBecomesANewOrderOfItsPhonesClient() {
        Api.Reply reply = website.post("/api/integrations/leads", lead("web-1"));
        assertEquals(201, reply.status(), reply.toString());
        Map<String, Object> order = reply.data();
        assertEquals("new", order.get("status"));
        assertEquals("+79161234567", order.get("phone"));
        assertEquals("Казань", order.get("city"));
        assertEquals("site-kzn", order.get("rk"));
        assertEquals("Иван", order.get("clientName"));
        assertEquals("не включается", order.get("problem"));
        assertEquals("ул. Баумана, 1", order.get("address"));
        assertNotNull(order.get("clientId"));
        assertEquals("web-1", data.db().queryOne("SELECT external_id FROM orders", rs -> rs.getString(1)).orElseThrow());
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'order' AND action = 'create' "
                + "AND actor_login = 'api-key:site' AND actor_id IS NULL"));
    }

    @Test
    void theSameLeadPostedThreeTimesMakesOneClientAndOneOrder() {
        Api.Reply first = website.post("/api/integrations/leads", lead("web-1"));
        Api.Reply second = website.post("/api/integrations/leads", lead("web-1"));
        Api.Reply third = website.post("/api/integrations/leads", lead("web-1"));
        assertEquals(List.of(201, 200, 200), List.of(first.status(), second.status(), third.status()));
        assertEquals(first.data().get("id"), second.data().get("id"));
        assertEquals(first.data().get("id"), third.data().get("id"));
        assertEquals(1L, data.count("orders"));
        assertEquals(1L, data.count("clients"));
        assertEquals(1L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'order'"));
    }

    @Test
    void aRepeatWithADifferentPhoneStillCreatesNothing() {
        website.post("/api/integrations/leads", lead("web-1"));
        Map<String, Object> changed = lead("web-1");
        changed.put("phone", "+79035550000");
        Api.Reply repeat = website.post("/api/integrations/leads", changed);
        assertEquals(200, repeat.status(), repeat.toString());
        assertEquals("+79161234567", repeat.data().get("phone"));
        assertEquals(1L, data.count("clients"));
    }

    @Test
    void anotherLeadFromTheSamePhoneJoinsTheSameClient() {
        Api.Reply first = website.post("/api/integrations/leads", lead("web-1"));
        Map<String, Object> other = lead("web-2");
        other.put("phone", "+7 (916) 123-45-67");
        Api.Reply second = website.post("/api/integrations/leads", other);
        assertEquals(201, second.status());
        assertEquals(first.data().get("clientId"), second.data().get("clientId"));
        assertEquals(2L, data.count("orders"));
        assertEquals(1L, data.count("clients"));
    }

    @Test
    void concurrentPostsOfOneLeadMakeOneOrder() {
        int posts = 6;
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Reply>> replies = IntStream.range(0, posts)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return website.post("/api/integrations/leads", lead("web-race"));
                    }, pool))
                    .toList();
            start.countDown();
            List<Api.Reply> done = replies.stream().map(CompletableFuture::join).toList();
            assertEquals(1, done.stream().filter(r -> r.status() == 201).count(), done.toString());
            assertEquals(posts - 1, done.stream().filter(r -> r.status() == 200).count(), done.toString());
            assertEquals(1, done.stream().map(r -> r.data().get("id")).distinct().count());
            assertEquals(1L, data.count("orders"));
            assertEquals(1L, data.count("clients"));
        } finally {
            pool.shutdownNow();
        }
    }
}

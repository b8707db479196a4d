package org.callcentre.crm.leads;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Each integration's external ids are its own: a website key that posts another integration's id
 * (another site's lead, an Avito chat's order) gets a new order of its own, never the existing one,
 * and cannot take the id away from its owner. A replacement key continues its predecessor's ids.
 */
@MicronautTest(transactional = false)
class IntegrationIdNamespacesTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api admin;
    long moscow;

    @BeforeEach
    void setUp() {
        data.reset();
        data.city("Казань", "Europe/Moscow");
        moscow = data.city("Москва", "Europe/Moscow");
        data.user("root", "admin", null, null);
        admin = new Api(client).login("root", TestData.PASSWORD);
    }

    private Api website(String name, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("name", name);
        Api.Reply created = admin.post("/api/api-keys", body);
        assertEquals(201, created.status(), created.toString());
        return new Api(client).withHeader("X-API-Key", (String) created.data().get("key"));
    }

    private static Map<String, Object> lead(String externalId, String phone) {
        return Map.of("externalId", externalId, "phone", phone, "name", "Иван", "city", "Казань", "problem", "не включается");
    }

    @Test
    void anotherKeysExternalIdIsANewOrderNotTheOtherOne() {
        Api siteA = website("site-a", Map.of());
        Api siteB = website("site-b", Map.of());
        Api.Reply a = siteA.post("/api/integrations/leads", lead("web-1", "+79161234567"));
        Api.Reply b = siteB.post("/api/integrations/leads", lead("web-1", "+79035550000"));
        assertEquals(201, a.status(), a.toString());
        assertEquals(201, b.status(), "site B's web-1 is its own lead: " + b);
        assertNotEquals(a.data().get("id"), b.data().get("id"));
        assertEquals("+79035550000", b.data().get("phone"), "site B never sees site A's order");
        assertEquals(2L, data.count("orders"));
    }

    @Test
    void aKeyCannotReadOrPreemptAnAvitoChatsOrder() {
        data.db().update("INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash) "
                + "VALUES ('Avito Москва', ?, 1, 'c', 'h')", moscow);
        long chat = data.db().insert("INSERT INTO conversations (account_id, external_chat_id, city_id, client_phone, last_message_at) "
                + "SELECT id, 'chat-1', ?, '+79260001122', now() FROM avito_accounts RETURNING id", moscow);
        Api site = website("site", Map.of());

        Api.Reply guessed = site.post("/api/integrations/leads", lead("avito-chat-" + chat, "+79161234567"));
        assertEquals(201, guessed.status(), guessed.toString());
        Api.Reply chatOrder = admin.post("/api/conversations/" + chat + "/order", Map.of());
        assertEquals(201, chatOrder.status(), "the key's lead did not take the chat's order id: " + chatOrder);
        assertEquals("+79260001122", chatOrder.data().get("phone"));

        Api.Reply again = site.post("/api/integrations/leads", lead(String.valueOf(chat), "+79161234567"));
        assertEquals(201, again.status());
        assertNotEquals(chatOrder.data().get("id"), again.data().get("id"), "the key never gets the Moscow chat's order");
        assertEquals("+79161234567", again.data().get("phone"));
    }

    @Test
    void aReplacementKeyFindsTheOrdersOfTheKeyItReplaces() {
        Api.Reply oldKey = admin.post("/api/api-keys", Map.of("name", "site"));
        Api old = new Api(client).withHeader("X-API-Key", (String) oldKey.data().get("key"));
        long firstOrder = ((Number) old.post("/api/integrations/leads", lead("web-1", "+79161234567")).data().get("id")).longValue();
        Api replacement = website("site 2027", Map.of("replaces", oldKey.data().get("id")));
        assertEquals(200, admin.delete("/api/api-keys/" + oldKey.data().get("id")).status());

        Api.Reply retried = replacement.post("/api/integrations/leads", lead("web-1", "+79161234567"));
        assertEquals(200, retried.status(), retried.toString());
        assertEquals(firstOrder, ((Number) retried.data().get("id")).longValue());
        assertEquals(400, admin.post("/api/api-keys", Map.of("name", "x", "replaces", 999)).status());
        assertEquals(1L, data.count("orders"));
    }
}

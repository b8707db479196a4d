package org.callcentre.crm.leads.avito;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Avito's messenger webhook against the running server, with Avito's own body shape: a message
 * becomes a conversation once however often it is delivered; a wrong path secret writes nothing.
 * An operator works in the city, so the auto-responder stays out of these tests.
 */
@MicronautTest(transactional = false)
class AvitoWebhookTest extends AvitoServerFixture {
    static final long AVITO_USER = 94235311L;

    Api admin;
    String webhook;
    long accountId;

    @BeforeEach
    void setUp() {
        data.reset();
        avito.allowClient("client-a", "secret-a");
        long city = data.city("Москва", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        long operator = data.user("olga", "operator", city, "101");
        data.db().update("UPDATE operators SET status_work = 'working' WHERE id = ?", operator);
        admin = new Api(client).login("boss", TestData.PASSWORD);
        Api.Reply created = admin.post("/api/avito/accounts", Map.of("name", "Москва ремонт", "city", "Москва", "rk", "avito-msk",
                "avitoUserId", AVITO_USER, "clientId", "client-a", "clientSecret", "secret-a"));
        assertEquals(201, created.status(), created.toString());
        webhook = (String) created.data().get("webhookPath");
        accountId = ((Number) created.data().get("id")).longValue();
    }

    @Test
    void aMessageDeliveredTwiceIsStoredOnce() {
        Map<String, Object> body = AvitoWebhooks.clientMessage("m-1", "chat-1", AVITO_USER, "Здравствуйте, сколько стоит ремонт?");
        assertEquals(200, new Api(client).post(webhook, body).status());
        assertEquals(200, new Api(client).post(webhook, body).status());

        assertEquals(1, data.count("conversations"));
        assertEquals(1, data.count("messages"));
        Api.Reply list = admin.get("/api/conversations");
        assertEquals(1, list.list().size());
        Map<String, Object> conversation = list.list().get(0);
        assertEquals("Москва", conversation.get("city"));
        assertEquals("avito-msk", conversation.get("rk"));
        assertEquals("chat-1", conversation.get("externalChatId"));
        long id = ((Number) conversation.get("id")).longValue();
        Eventually.until("the chat's ad is looked up", () ->
                "Ремонт стиральных машин на дому".equals(admin.get("/api/conversations/" + id).data().get("conversation") instanceof Map<?, ?> c ? c.get("adTitle") : null));
    }

    @Test
    void aWrongSecretIsNotFoundAndWritesNothing() {
        Map<String, Object> body = AvitoWebhooks.clientMessage("m-1", "chat-1", AVITO_USER, "Привет");
        assertEquals(404, new Api(client).post("/integrations/avito/webhook/not-the-secret", body).status());
        assertEquals(404, new Api(client).post(webhook + "x", body).status());
        assertEquals(0, data.count("conversations"));
        assertEquals(0, data.count("messages"));
    }

    @Test
    void ownMessagesAndOtherEventsAreSkipped() {
        assertEquals(200, new Api(client).post(webhook, AvitoWebhooks.message("m-own", "chat-1", AVITO_USER, AVITO_USER, "Наш ответ")).status());
        assertEquals(200, new Api(client).post(webhook, Map.of("payload", Map.of("type", "system", "value", Map.of()))).status());
        assertEquals(0, data.count("messages"));
    }

    @Test
    void aMalformedMessageIsA400NamingTheFieldAndWritesNothing() {
        Map<String, Object> body = AvitoWebhooks.clientMessage("m-1", "chat-1", AVITO_USER, "Привет");
        @SuppressWarnings("unchecked")
        Map<String, Object> value = new HashMap<>((Map<String, Object>) ((Map<String, Object>) body.get("payload")).get("value"));
        value.remove("chat_id");
        value.put("author_id", "abc");
        Api.Reply reply = new Api(client).post(webhook, Map.of("payload", Map.of("type", "message", "value", value)));
        assertEquals(400, reply.status());
        assertTrue(reply.errorFields().containsKey("payload.value.chat_id"), reply.toString());
        assertTrue(reply.errorFields().containsKey("payload.value.author_id"), reply.toString());
        assertEquals(400, new Api(client).post(webhook, AvitoWebhooks.clientMessage("m-2", "chat-1", 1L, "Привет")).status());
        assertEquals(0, data.count("conversations"));
    }

    @Test
    void aPhoneInTheTextMakesTheLeadAClientAndAnOrderOnRequest() {
        new Api(client).post(webhook, AvitoWebhooks.clientMessage("m-1", "chat-1", AVITO_USER, "Стиралка течёт"));
        new Api(client).post(webhook, AvitoWebhooks.clientMessage("m-2", "chat-1", AVITO_USER, "Мой номер 8 (916) 123-45-67, перезвоните"));
        long id = ((Number) admin.get("/api/conversations").list().get(0).get("id")).longValue();
        Eventually.until("the ad title", () -> admin.get("/api/conversations/" + id).data().get("conversation") instanceof Map<?, ?> c
                && c.get("adTitle") != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> conversation = (Map<String, Object>) admin.get("/api/conversations/" + id).data().get("conversation");
        assertEquals("+79161234567", conversation.get("clientPhone"));
        assertNotNull(conversation.get("clientId"));

        Api.Reply order = admin.post("/api/conversations/" + id + "/order", Map.of());
        assertEquals(201, order.status(), order.toString());
        assertEquals("+79161234567", order.data().get("phone"));
        assertEquals("avito-msk", order.data().get("rk"));
        assertEquals("Москва", order.data().get("city"));
        assertEquals("Авито: Ремонт стиральных машин на дому", order.data().get("problem"));
        assertEquals(order.data().get("id"), admin.post("/api/conversations/" + id + "/order", Map.of()).data().get("id"));
        assertEquals(1, data.count("orders"));
    }

    @Test
    void theClientSecretIsWriteOnlyAndMaskedInTheAuditLog() {
        Map<String, Object> account = admin.get("/api/avito/accounts/" + accountId).data();
        assertEquals(true, account.get("hasSecret"));
        assertFalse(account.containsKey("clientSecret"));
        assertNull(account.get("webhookPath"));
        String stored = data.db().queryOne("SELECT client_secret_encrypted FROM avito_accounts", rs -> rs.getString(1)).orElseThrow();
        assertFalse(stored.contains("secret-a"));
        String audit = data.db().queryOne("SELECT changes::text FROM audit_log WHERE entity = 'avito_account'", rs -> rs.getString(1)).orElseThrow();
        assertFalse(audit.contains("secret-a"), audit);

        Api.Reply renewed = admin.post("/api/avito/accounts/" + accountId + "/webhook-secret", Map.of());
        String newPath = (String) renewed.data().get("webhookPath");
        Map<String, Object> body = AvitoWebhooks.clientMessage("m-1", "chat-1", AVITO_USER, "Привет");
        assertEquals(404, new Api(client).post(webhook, body).status());
        assertEquals(200, new Api(client).post(newPath, body).status());
    }

    @Test
    void accountsNeedValidFieldsAndTheAdminRole() {
        Api.Reply bad = admin.post("/api/avito/accounts", Map.of("name", "x", "city", "Нигде", "avitoUserId", "abc", "clientId", ""));
        assertEquals(400, bad.status());
        assertTrue(bad.errorFields().keySet().containsAll(List.of("city", "avitoUserId", "clientId", "clientSecret")), bad.toString());
        assertEquals(1, data.count("avito_accounts"));

        Api operator = new Api(client).login("olga", TestData.PASSWORD);
        assertEquals(403, operator.get("/api/avito/accounts").status());
        assertEquals(403, operator.post("/api/avito/accounts", Map.of()).status());
        assertEquals(401, new Api(client).get("/api/avito/accounts").status());
        assertEquals(401, new Api(client).get("/api/conversations").status());
    }
}

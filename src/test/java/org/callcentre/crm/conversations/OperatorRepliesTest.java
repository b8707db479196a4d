package org.callcentre.crm.conversations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoTestServer;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operators' replies go out through Avito's send-message endpoint (the local Avito server); a
 * refusal there is stored on the message and retried with backoff (base 1 s, 3 attempts in tests).
 */
@MicronautTest(transactional = false)
class OperatorRepliesTest extends AvitoServerFixture {
    Api operator;
    Api admin;
    long conversationId;

    @BeforeEach
    void setUp() {
        data.reset();
        long city = data.city("Москва", "Europe/Moscow");
        data.city("Казань", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        long olga = data.user("olga", "operator", city, "101");
        data.user("ivan", "operator", data.db().queryLong("SELECT id FROM cities WHERE name = 'Казань'"), "102");
        data.db().update("UPDATE operators SET status_work = 'working' WHERE id = ?", olga);
        admin = new Api(client).login("boss", TestData.PASSWORD);
        operator = new Api(client).login("olga", TestData.PASSWORD);
        String webhook = AvitoSetup.account(admin, avito, "Москва");
        new Api(client).post(webhook, AvitoWebhooks.clientMessage("m-1", "chat-7", AvitoSetup.AVITO_USER, "Можно мастера на завтра?"));
        conversationId = ((Number) operator.get("/api/conversations").list().get(0).get("id")).longValue();
    }

    @Test
    void aReplyReachesAvitoAndIsKeptAsATrainingPair() {
        Api.Reply reply = operator.post("/api/conversations/" + conversationId + "/messages", Map.of("text", "Да, завтра с 10 до 12 подойдёт?"));
        assertEquals(201, reply.status(), reply.toString());
        assertEquals("sent", reply.data().get("deliveryStatus"));
        assertEquals(List.of(new AvitoTestServer.Sent(AvitoSetup.AVITO_USER, "chat-7", "Да, завтра с 10 до 12 подойдёт?",
                (String) reply.data().get("externalId"))), avito.sent());
        assertEquals(1, avito.tokensIssued());

        operator.post("/api/conversations/" + conversationId + "/messages", Map.of("text", "Мастер позвонит за час"));
        assertEquals(1, avito.tokensIssued(), "the token is reused until it nears expiry");
        Api.Reply pairs = admin.get("/api/knowledge/pairs?source=operator_reply");
        assertEquals(2, pairs.list().size());
        assertEquals("Можно мастера на завтра?", pairs.list().get(1).get("question"));
        assertEquals(2, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'message' AND actor_login = 'olga'"));
    }

    @Test
    void aFailureIsShownOnTheMessageAndRetried() {
        avito.failNextSends(1);
        Api.Reply reply = operator.post("/api/conversations/" + conversationId + "/messages", Map.of("text", "Подскажите адрес"));
        assertEquals(201, reply.status());
        assertEquals("failed", reply.data().get("deliveryStatus"));
        assertTrue(((String) reply.data().get("lastError")).contains("500"), reply.toString());
        assertNotNull(reply.data().get("nextAttemptAt"));
        assertEquals(1, ((Number) reply.data().get("attempts")).intValue());
        assertEquals("failed", lastMessage().get("deliveryStatus"));

        Eventually.until("the retry delivers it", () -> "sent".equals(lastMessage().get("deliveryStatus")));
        assertEquals(2, ((Number) lastMessage().get("attempts")).intValue());
        assertNull(lastMessage().get("lastError"));
        assertEquals(List.of("Подскажите адрес"), avito.sent().stream().map(AvitoTestServer.Sent::text).toList());
    }

    @Test
    void retriesStopAfterTheConfiguredAttempts() {
        avito.failNextSends(100);
        operator.post("/api/conversations/" + conversationId + "/messages", Map.of("text", "Подскажите адрес"));
        Eventually.until("three attempts are used up", () -> ((Number) lastMessage().get("attempts")).intValue() == 3
                && lastMessage().get("nextAttemptAt") == null);
        assertEquals("failed", lastMessage().get("deliveryStatus"));
        assertEquals(List.of(), avito.sent());
    }

    @Test
    void aRevokedTokenIsReplacedOnce() {
        operator.post("/api/conversations/" + conversationId + "/messages", Map.of("text", "Первое"));
        avito.revokeTokens();
        Api.Reply reply = operator.post("/api/conversations/" + conversationId + "/messages", Map.of("text", "Второе"));
        assertEquals("sent", reply.data().get("deliveryStatus"));
        assertEquals(2, avito.tokensIssued());
    }

    @Test
    void badRepliesOtherCitiesAndStrangersAreRefused() {
        Api.Reply empty = operator.post("/api/conversations/" + conversationId + "/messages", Map.of("text", " "));
        assertEquals(400, empty.status());
        assertTrue(empty.errorFields().containsKey("text"));
        assertEquals(400, operator.get("/api/conversations?status=waiting").status());
        assertEquals(1, data.count("messages"));

        Api ivan = new Api(client).login("ivan", TestData.PASSWORD);
        assertEquals(404, ivan.get("/api/conversations/" + conversationId).status());
        assertEquals(404, ivan.post("/api/conversations/" + conversationId + "/messages", Map.of("text", "Привет")).status());
        assertEquals(0, ivan.get("/api/conversations").list().size());
        assertEquals(403, ivan.get("/api/conversations?city=" + java.net.URLEncoder.encode("Москва", java.nio.charset.StandardCharsets.UTF_8)).status());
        assertEquals(401, new Api(client).post("/api/conversations/" + conversationId + "/messages", Map.of("text", "x")).status());
        assertEquals(List.of(), avito.sent());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lastMessage() {
        List<Map<String, Object>> messages = (List<Map<String, Object>>) operator.get("/api/conversations/" + conversationId).data().get("messages");
        return messages.get(messages.size() - 1);
    }
}

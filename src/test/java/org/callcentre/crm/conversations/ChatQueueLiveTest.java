package org.callcentre.crm.conversations;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.ChatFixture;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chats reach operators over /ws/operator without polling: a new client message and a queued chat
 * are pushed to the operators of the chat's city (not to another city's); of two operators taking
 * the chat at once one owns it and the other is told who does, and both see the owner pushed.
 */
@MicronautTest(transactional = false)
class ChatQueueLiveTest extends ChatFixture {
    @Inject
    ConversationService conversations;
    Api admin;
    String webhook;
    long pavelId;
    long ivanId;

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("crm.conversations.owner-away", "1m");
    }

    @BeforeEach
    void setUp() {
        data.reset();
        long moscow = data.city("Москва", "Europe/Moscow");
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        data.user("olga", "operator", moscow, "101");
        pavelId = data.user("pavel", "operator", moscow, "102");
        ivanId = data.user("ivan", "operator", kazan, "103");
        admin = new Api(client).login("boss", TestData.PASSWORD);
        webhook = AvitoSetup.account(admin, avito, "Москва");
    }

    @Test
    void aNewChatIsPushedToItsCitysOperatorsAndOfTwoTakesAtOnceOneWins() throws Exception {
        try (LiveClient olga = LiveClient.open(ws, "/ws/operator", token("olga"));
             LiveClient pavel = LiveClient.open(ws, "/ws/operator", token("pavel"));
             LiveClient ivan = LiveClient.open(ws, "/ws/operator", token("ivan"))) {
            new Api(client).post(webhook, AvitoWebhooks.clientMessage("m-1", "chat-1", AvitoSetup.AVITO_USER, "Сколько стоит ремонт?"));
            Map<String, Object> pushed = olga.await("chat", m -> "message".equals(m.get("event")));
            long id = ((Number) conversation(pushed).get("id")).longValue();
            pavel.await("chat", m -> "message".equals(m.get("event")) && id(m) == id);

            conversations.queue(id, "test");
            olga.await("chat", m -> "queued".equals(m.get("event")) && "queued".equals(conversation(m).get("status")));
            pavel.await("chat", m -> "queued".equals(m.get("event")) && id(m) == id);

            Api asOlga = new Api(client).login("olga", TestData.PASSWORD);
            Api asPavel = new Api(client).login("pavel", TestData.PASSWORD);
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<Api.Reply> a = CompletableFuture.supplyAsync(() -> take(together, asOlga, id));
            CompletableFuture<Api.Reply> b = CompletableFuture.supplyAsync(() -> take(together, asPavel, id));
            List<Api.Reply> replies = List.of(a.get(), b.get());
            assertEquals(List.of(200, 409), replies.stream().map(Api.Reply::status).sorted().toList(), replies.toString());
            Api.Reply won = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            Api.Reply lost = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            String owner = (String) won.data().get("assignee");
            assertEquals("The chat is taken by " + owner, lost.error().get("message"));

            for (LiveClient socket : List.of(olga, pavel)) {
                Map<String, Object> assigned = socket.await("chat", m -> "assigned".equals(m.get("event")));
                assertEquals(owner, conversation(assigned).get("assignee"));
            }
            assertTrue(ivan.receivedWithin(Duration.ofSeconds(1)).stream().noneMatch(m -> "chat".equals(m.get("type"))),
                    "Kazan's operator hears nothing of a Moscow chat");

            Api.Reply given = admin.post("/api/conversations/" + id + "/assign", Map.of("operatorId", pavelId));
            assertEquals(200, given.status(), given.toString());
            assertEquals(pavelId, ((Number) given.data().get("assigneeId")).longValue());
            pavel.await("chat", m -> "assigned".equals(m.get("event")) && Long.valueOf(pavelId).equals(assigneeId(m)));
            assertEquals(400, admin.post("/api/conversations/" + id + "/assign", Map.of("operatorId", ivanId)).status(),
                    "an operator of another city cannot be given the chat");
            assertEquals(403, asOlga.post("/api/conversations/" + id + "/assign", Map.of("operatorId", pavelId)).status());
        }
    }

    @Test
    void aChatWhoseOwnerIsAwayLongerThanAllowedGoesBackToTheQueue() {
        try (LiveClient pavel = LiveClient.open(ws, "/ws/operator", token("pavel"))) {
            new Api(client).post(webhook, AvitoWebhooks.clientMessage("m-2", "chat-2", AvitoSetup.AVITO_USER, "Мастер приедет?"));
            long id = id(pavel.await("chat", m -> "message".equals(m.get("event"))));
            Api asOlga = new Api(client).login("olga", TestData.PASSWORD);
            assertEquals(200, asOlga.post("/api/conversations/" + id + "/take", Map.of()).status());
            long olgaId = data.db().queryLong("SELECT id FROM operators WHERE login = 'olga'");
            // olga went on a break two minutes ago (owner-away is 1 minute here); pavel's break is younger
            data.db().update("INSERT INTO operator_status_history (operator_id, status_work, started_at) "
                    + "VALUES (?, 'break', now() - interval '2 minutes')", olgaId);

            Map<String, Object> requeued = pavel.await("chat", m -> "queued".equals(m.get("event")) && id(m) == id
                    && "owner_away".equals(conversation(m).get("queueReason")));
            assertEquals("queued", conversation(requeued).get("status"));
            assertEquals(null, conversation(requeued).get("assigneeId"));
        }
    }

    private static Api.Reply take(CyclicBarrier together, Api who, long id) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return who.post("/api/conversations/" + id + "/take", Map.of());
    }

    private static Long assigneeId(Map<String, Object> push) {
        Object id = conversation(push).get("assigneeId");
        return id == null ? null : ((Number) id).longValue();
    }
}

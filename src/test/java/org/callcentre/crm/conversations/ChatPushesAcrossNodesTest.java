package org.callcentre.crm.conversations;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.websocket.WebSocketClient;
import org.callcentre.crm.live.LiveClient;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoTestServer;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two service instances on one PostgreSQL: the Avito webhook and the operator's take reach one node,
 * the operators watching the queue are connected to the other, and they still see the chat arrive,
 * queue and be taken, pushed over the cluster channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatPushesAcrossNodesTest {
    private final AvitoTestServer avito = new AvitoTestServer();
    private final List<EmbeddedServer> nodes = new ArrayList<>();

    @AfterAll
    void stop() {
        nodes.forEach(node -> node.getApplicationContext().close());
        avito.close();
    }

    private EmbeddedServer startNode() {
        EmbeddedServer node = ApplicationContext.builder("test").properties(Map.of(
                "crm.cluster.enabled", "true", "crm.cluster.check-interval", "300ms",
                "crm.avito.api-url", avito.url())).run(EmbeddedServer.class);
        nodes.add(node);
        return node;
    }

    @Test
    void anOperatorOnTheOtherNodeSeesTheChatArriveQueueAndBeTaken() throws Exception {
        EmbeddedServer receiving = startNode();
        EmbeddedServer watching = startNode();
        TestData data = receiving.getApplicationContext().getBean(TestData.class);
        data.reset();
        long moscow = data.city("Москва", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        data.user("olga", "operator", moscow, "101");
        data.user("pavel", "operator", moscow, "102");

        try (HttpClient toReceiving = receiving.getApplicationContext().createBean(HttpClient.class, receiving.getURL());
             HttpClient toWatching = watching.getApplicationContext().createBean(HttpClient.class, watching.getURL());
             WebSocketClient ws = watching.getApplicationContext().createBean(WebSocketClient.class, watching.getURI())) {
            Api admin = new Api(toReceiving).login("boss", TestData.PASSWORD);
            String webhook = AvitoSetup.account(admin, avito, "Москва");
            String pavelToken = (String) new Api(toWatching).post("/api/auth/login", Map.of("login", "pavel", "password", TestData.PASSWORD))
                    .body().get("accessToken");
            try (LiveClient pavel = LiveClient.open(ws, "/ws/operator", pavelToken)) {
                new Api(toReceiving).post(webhook, AvitoWebhooks.clientMessage("m-1", "chat-1", AvitoSetup.AVITO_USER, "Сколько стоит ремонт?"));
                long id = id(pavel.await("chat", m -> "message".equals(m.get("event"))));

                receiving.getApplicationContext().getBean(ConversationService.class).queue(id, "test");
                pavel.await("chat", m -> "queued".equals(m.get("event")) && id(m) == id);

                Api olga = new Api(toReceiving).login("olga", TestData.PASSWORD);
                assertEquals(200, olga.post("/api/conversations/" + id + "/take", Map.of()).status());
                Map<String, Object> taken = pavel.await("chat", m -> "assigned".equals(m.get("event")) && id(m) == id);
                assertEquals("olga", login(data, conversation(taken).get("assigneeId")));
            }
        }
    }

    private static String login(TestData data, Object operatorId) {
        return data.db().queryOne("SELECT login FROM operators WHERE id = ?", rs -> rs.getString(1), ((Number) operatorId).longValue())
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> conversation(Map<String, Object> push) {
        return (Map<String, Object>) push.get("conversation");
    }

    private static long id(Map<String, Object> push) {
        return ((Number) conversation(push).get("id")).longValue();
    }
}

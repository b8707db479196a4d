package org.callcentre.crm.ai.drafts;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a chat writes its summary and the client's mood (the call drafts' engine reading the
 * chat as a labelled transcript), and the client's timeline shows them for the chat; a chat
 * still open shows the client's latest message and no mood.
 */
@MicronautTest(transactional = false)
class ChatSummaryTest {
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api operator;
    long clientId;
    long chat;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        data.user("olga", "operator", kazan, "101");
        operator = new Api(client).login("olga", TestData.PASSWORD);
        clientId = data.db().insert("INSERT INTO clients (name, city_id) VALUES ('Мария', ?) RETURNING id", kazan);
        long account = data.db().insert("INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash) "
                + "VALUES ('Авито Казань', ?, 1, 'cid', 'hash') RETURNING id", kazan);
        chat = data.db().insert("INSERT INTO conversations (account_id, external_chat_id, city_id, client_id, ad_title, last_message_at) "
                + "VALUES (?, 'chat-1', ?, ?, 'Ремонт стиральных машин', now()) RETURNING id", account, kazan, clientId);
        message("client", "Здравствуйте, стиральная машина не сливает воду");
        message("operator", "Мастер может приехать завтра, назовите адрес");
        message("client", "Ужасно, в прошлый раз мастер опоздал на два часа. Улица Ленина, дом 5");
    }

    private void message(String sender, String text) {
        data.db().update("INSERT INTO messages (conversation_id, sender, text, delivery_status) VALUES (?, ?, ?, ?)",
                chat, sender, text, sender.equals("client") ? "received" : "sent");
    }

    private Map<?, ?> chatOnTimeline() {
        List<?> items = (List<?>) operator.get("/api/clients/" + clientId + "/timeline").data().get("items");
        return items.stream().map(Map.class::cast).filter(e -> "chat".equals(e.get("kind"))).findFirst().orElseThrow();
    }

    @Test
    void closingAChatWritesItsSummaryAndTheClientsMoodShownOnTheTimeline() {
        Map<?, ?> open = chatOnTimeline();
        assertEquals("Ужасно, в прошлый раз мастер опоздал на два часа. Улица Ленина, дом 5", open.get("text"));
        assertNull(open.get("mood"));

        assertEquals(200, operator.post("/api/conversations/" + chat + "/close", Map.of()).status());

        Map<String, Object> stored = data.db().queryOne("SELECT summary, mood FROM conversations WHERE id = ?",
                rs -> Map.<String, Object>of("summary", rs.getString(1), "mood", rs.getString(2)), chat).orElseThrow();
        String summary = (String) stored.get("summary");
        assertTrue(summary.startsWith("Писал клиент"), summary);
        assertTrue(summary.contains("стиральная машина"), summary);
        assertTrue(summary.contains("Ленина"), summary);
        assertEquals("negative", stored.get("mood"), "«ужасно», «опоздал»: a complaint");
        Map<?, ?> closed = chatOnTimeline();
        assertEquals(summary, closed.get("text"));
        assertEquals("negative", closed.get("mood"));
    }

    @Test
    void aChatWithoutAWordFromTheClientIsClosedWithoutASummary() {
        data.db().update("DELETE FROM messages WHERE sender = 'client'");
        assertEquals(200, operator.post("/api/conversations/" + chat + "/close", Map.of()).status());
        assertNull(chatOnTimeline().get("mood"));
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM conversations WHERE summary IS NOT NULL"));
    }
}

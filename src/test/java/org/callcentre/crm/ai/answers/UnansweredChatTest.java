package org.callcentre.crm.ai.answers;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code crm.ai.reply-wait}: an operator is working, but a chat nobody answers within the wait gets
 * the AI's answer anyway; a chat an operator answered in time gets none.
 */
@MicronautTest(transactional = false)
class UnansweredChatTest extends AvitoServerFixture {
    Api admin;
    Api operator;
    String webhook;

    @Override
    protected Map<String, String> moreProperties() {
        // a city without working hours is never closed, so only the wait can let the AI in
        return Map.of("crm.ai.reply-wait", "3s");
    }

    @BeforeEach
    void setUp() throws IOException {
        data.reset();
        long moscow = data.city("Москва", "Europe/Moscow");
        data.city("Казань", "Europe/Moscow"); // the knowledge base has entries for both
        data.user("boss", "admin", null, null);
        long olga = data.user("olga", "operator", moscow, "101");
        data.db().update("UPDATE operators SET status_work = 'working' WHERE id = ?", olga);
        admin = new Api(client).login("boss", TestData.PASSWORD);
        operator = new Api(client).login("olga", TestData.PASSWORD);
        webhook = AvitoSetup.account(admin, avito, "Москва");
        String kb = Files.readString(Path.of("docs/eval/kb.csv"), StandardCharsets.UTF_8);
        assertEquals(200, admin.postRaw("/api/knowledge/import", kb, "text/csv").status());
    }

    @Test
    void aChatLeftUnansweredPastTheWaitGetsTheAiAnswer() {
        long asked = System.nanoTime();
        ask("m-1", "chat-1", "А гарантия у вас есть?");

        Eventually.until("the AI answers the chat left alone", () -> !avito.sent().isEmpty());
        long waitedMs = (System.nanoTime() - asked) / 1_000_000;
        // the wait runs from the message's own time, which Avito gives in whole seconds
        assertTrue(waitedMs >= 2_000, "answered after " + waitedMs + " ms, before the wait was over");
        assertTrue(avito.sent().get(0).text().startsWith("Гарантия на работу"), avito.sent().get(0).text());
    }

    @Test
    void aChatTheOperatorAnsweredInTimeGetsNoAiAnswer() throws InterruptedException {
        ask("m-1", "chat-1", "А гарантия у вас есть?");
        Eventually.until("the chat is stored", () -> data.count("conversations") == 1);
        long id = ((Number) operator.get("/api/conversations").list().get(0).get("id")).longValue();
        assertEquals(201, operator.post("/api/conversations/" + id + "/messages", Map.of("text", "Да, год на работу.")).status());

        Thread.sleep(5_000); // past the 3 s wait and a few 1 s sweeps
        assertEquals(1, avito.sent().size(), "only the operator's reply: " + avito.sent());
        assertEquals("Да, год на работу.", avito.sent().get(0).text());
        assertEquals(0, data.count("ai_answers"));
    }

    private void ask(String messageId, String chatId, String text) {
        assertEquals(200, new Api(client).post(webhook, AvitoWebhooks.clientMessage(messageId, chatId, AvitoSetup.AVITO_USER, text)).status());
    }
}

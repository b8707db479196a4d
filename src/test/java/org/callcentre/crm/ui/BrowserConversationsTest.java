package org.callcentre.crm.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.MangoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Avito chats in the browser: a client's message arrives through the real webhook (Avito's body
 * shape), the operator's replies go out to the local Avito server, which refuses the first one.
 */
@MicronautTest(transactional = false)
class BrowserConversationsTest extends AvitoServerFixture {
    private static final String QUESTION = "Сколько стоит ремонт стиральной машины?";

    @Override
    protected Map<String, String> moreProperties() {
        // the tests' 1 s retry would deliver the refused reply again before the browser and the test look at it
        return Map.of("crm.conversations.retry-base", "10m", "crm.avito.image-hosts", "127.0.0.1");
    }

    @Test
    void aClientsPictureShowsInTheChat() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        new KazanCallCentre(data, new MangoWebhooks(client, data.db()));
        String webhook = AvitoSetup.account(new Api(client).login("admin", TestData.PASSWORD), avito, "Казань");
        String picture = avito.image("photo.png", png(64, 48), "image/png");

        Map<String, String> results = browser.run("chatImage", Map.of("picture", () -> {
            assertEquals(200, new Api(client).post(webhook, AvitoWebhooks.clientImage("m-1", "chat-picture", AvitoSetup.AVITO_USER,
                    Map.of("140x105", picture))).status());
            Eventually.until("the chat is queued", () -> data.db().queryLong("SELECT count(*) FROM conversations WHERE status = 'queued'") == 1);
        }));

        assertEquals("64x48", results.get("size"), "the browser decoded the picture Avito's host served");
        assertEquals("blob", results.get("src"), "loaded with the token, shown from a blob URL");
        assertEquals(1, avito.imageFetches());
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void aQueuedAvitoChatIsAnsweredFromTheBrowserWithItsDeliveryFailureShown() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        new KazanCallCentre(data, new MangoWebhooks(client, data.db()));
        String webhook = AvitoSetup.account(new Api(client).login("admin", TestData.PASSWORD), avito, "Казань");

        Map<String, String> results = browser.run("conversation", Map.of("chat", () -> {
            // nobody works in Kazan and the knowledge base is empty: the AI hands the chat to the queue with a holding message
            assertEquals(200, new Api(client).post(webhook, AvitoWebhooks.clientMessage("m-1", "chat-e2e", AvitoSetup.AVITO_USER, QUESTION)).status());
            Eventually.until("the chat is queued and the holding message sent", () -> data.db().queryLong(
                    "SELECT count(*) FROM conversations c JOIN messages m ON m.conversation_id = c.id"
                            + " WHERE c.status = 'queued' AND m.sender = 'system' AND m.delivery_status = 'sent'") == 1);
            avito.failNextSends(1);
        }));

        long conversationId = Long.parseLong(results.get("conversationId"));
        assertEquals(List.of("failed", "sent"), data.db().query("""
                SELECT delivery_status FROM messages WHERE conversation_id = ? AND sender = 'operator' ORDER BY id""",
                rs -> rs.getString(1), conversationId));
        assertTrue(data.db().queryOne("""
                SELECT last_error IS NOT NULL AND next_attempt_at IS NOT NULL FROM messages
                 WHERE conversation_id = ? AND text = 'Здравствуйте! Диагностика бесплатна.'""",
                rs -> rs.getBoolean(1), conversationId).orElseThrow(), "the refused reply keeps its error and its retry");
        assertTrue(avito.sent().stream().anyMatch(s -> s.text().equals("Мастер может приехать завтра с 10 до 12.") && s.chatId().equals("chat-e2e")));
        assertTrue(avito.sent().stream().noneMatch(s -> s.text().equals("Здравствуйте! Диагностика бесплатна.")), "Avito refused the first reply");
        assertEquals(5L, data.db().queryLong("""
                SELECT r.rating FROM ai_answer_ratings r JOIN ai_answers a ON a.id = r.ai_answer_id WHERE a.conversation_id = ?""", conversationId));
    }
}

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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reply box's help in Chromium: the operator types "/адрес", inserts the template and sends it;
 * then inserts the AI's suggestion (shown with its confidence and source), sends it unchanged, and
 * the suggestion is recorded as accepted. With the threshold at 0.99 the AI hands every chat to
 * people, so the suggestion also says the AI would not have answered alone.
 */
@MicronautTest(transactional = false)
class BrowserReplyAssistTest extends AvitoServerFixture {
    private static final String WARRANTY = "Гарантия на работу — 12 месяцев.";
    private static final String ADDRESS = "Мы на ул. Баумана, 1, с 9 до 18.";

    @Override
    protected Map<String, String> moreProperties() {
        return Map.of("crm.ai.threshold", "0.99");
    }

    @Test
    void anOperatorSendsATemplateAndTheAisSuggestionWhichIsRecordedAsAccepted() throws Exception {
        BrowserScenario browser = BrowserScenario.against(server);
        new KazanCallCentre(data, new MangoWebhooks(client, data.db()));
        Api admin = new Api(client).login("admin", TestData.PASSWORD);
        String webhook = AvitoSetup.account(admin, avito, "Казань");
        assertEquals(201, admin.post("/api/knowledge/entries", Map.of("category", "гарантия", "title", "Гарантия",
                "questions", List.of("Какая гарантия на ремонт?"), "answer", WARRANTY)).status());
        assertEquals(201, admin.post("/api/ai/templates", Map.of("title", "Адрес сервиса", "text", ADDRESS, "city", "Казань")).status());

        Map<String, String> results = browser.run("reply-assist", Map.of("chat", () -> {
            assertEquals(200, new Api(client).post(webhook,
                    AvitoWebhooks.clientMessage("m-1", "chat-e2e", AvitoSetup.AVITO_USER, "А гарантию на ремонт даёте?")).status());
            Eventually.until("the chat is queued", () -> data.db().queryLong(
                    "SELECT count(*) FROM conversations WHERE status = 'queued'") == 1);
        }));

        assertEquals("Гарантия", results.get("source"));
        assertTrue(results.get("confidence").matches("уверенность \\d+%"), results.get("confidence"));
        assertTrue(avito.sent().stream().anyMatch(s -> s.text().equals(ADDRESS)), "the template went out");
        assertTrue(avito.sent().stream().anyMatch(s -> s.text().equals(WARRANTY)), "the suggestion went out");
        Eventually.until("the use is recorded", () -> data.db().queryLong(
                "SELECT count(*) FROM ai_answers WHERE suggested_to IS NOT NULL AND used = 'accepted'") == 1);
        assertEquals(5L, data.db().queryLong("""
                SELECT r.rating FROM ai_answer_ratings r JOIN ai_answers a ON a.id = r.ai_answer_id WHERE a.used = 'accepted'"""));
    }
}

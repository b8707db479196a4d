package org.callcentre.crm.ai.answers;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoTestServer;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.Eventually;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auto-responder end to end: Avito's webhook in, the decision on the committed knowledge base
 * (imported over the API), and the answer or holding message out through the Avito test server.
 */
@MicronautTest(transactional = false)
class AutoResponderTest extends AvitoServerFixture {
    private static final String PRICE_ANSWER_START = "Ремонт стиральной машины — от 1 200 ₽";

    @Inject
    AiSettings settings;
    Api admin;
    String webhook;
    long operatorId;
    long cityId;

    @BeforeEach
    void setUp() throws IOException {
        data.reset();
        cityId = data.city("Москва", "Europe/Moscow");
        data.city("Казань", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        operatorId = data.user("olga", "operator", cityId, "101");
        admin = new Api(client).login("boss", TestData.PASSWORD);
        webhook = AvitoSetup.account(admin, avito, "Москва");
        String kb = Files.readString(Path.of("docs/eval/kb.csv"), StandardCharsets.UTF_8);
        Api.Reply imported = admin.postRaw("/api/knowledge/import", kb, "text/csv");
        assertEquals(200, imported.status(), imported.toString());
    }

    @Test
    void withNobodyWorkingAMatchingQuestionGetsTheEntrysAnswerThroughAvito() {
        ask("m-1", "chat-1", "Здравствуйте! Почём у вас починить стиралку?");

        Eventually.until("the answer reaches Avito", () -> !avito.sent().isEmpty());
        AvitoTestServer.Sent sent = avito.sent().get(0);
        assertEquals("chat-1", sent.chatId());
        assertEquals(AvitoSetup.AVITO_USER, sent.userId());
        assertTrue(sent.text().startsWith(PRICE_ANSWER_START), sent.text());

        Map<String, Object> detail = conversation();
        List<Map<String, Object>> messages = messages(detail);
        assertEquals(List.of("client", "ai"), messages.stream().map(m -> m.get("sender")).toList());
        Eventually.until("the AI message is marked sent", () -> "sent".equals(messages(conversation()).get(1).get("deliveryStatus")));
        assertEquals("open", status(conversation()));
        Api.Reply answers = admin.get("/api/ai/answers?conversationId=" + id(detail));
        assertEquals("Стоимость ремонта стиральной машины", answers.list().get(0).get("title"));
        assertEquals(false, answers.list().get(0).get("handoff"));
    }

    @Test
    void aComplaintGetsTheHoldingMessageAndWaitsInTheOperatorsQueue() {
        ask("m-1", "chat-1", "Мастер так и не пришёл, жду с утра!");

        Eventually.until("the holding message reaches Avito", () -> !avito.sent().isEmpty());
        assertEquals(settings.holdingMessage(), avito.sent().get(0).text());
        Eventually.until("the chat is queued", () -> "queued".equals(status(conversation())));
        Api.Reply queue = admin.get("/api/conversations?status=queued");
        assertEquals(1, queue.list().size());
        assertEquals("own_order", queue.list().get(0).get("queueReason"));
        assertEquals(List.of("client", "system"), messages(conversation()).stream().map(m -> m.get("sender")).toList());

        ask("m-2", "chat-1", "Алло, вы где?");
        Eventually.until("the second message is decided on", () -> data.count("ai_answers") == 2);
        assertEquals(1, avito.sent().size(), "a chat already in the queue gets no second holding message");
    }

    @Test
    void outsideTheCitysHoursTheAiAnswersEvenIfAnOperatorIsMarkedWorking() {
        data.db().update("UPDATE operators SET status_work = 'working' WHERE id = ?", operatorId);
        data.db().update("UPDATE cities SET working_hours = '{\"mon\":null,\"tue\":null,\"wed\":null,\"thu\":null,"
                + "\"fri\":null,\"sat\":null,\"sun\":null}' WHERE id = ?", cityId);
        ask("m-1", "chat-1", "А гарантия у вас есть?");
        Eventually.until("the answer reaches Avito", () -> !avito.sent().isEmpty());
        assertTrue(avito.sent().get(0).text().startsWith("Гарантия на работу"), avito.sent().get(0).text());
    }

    @Test
    void whileAnOperatorWorksTheChatIsLeftToThem() {
        data.db().update("UPDATE operators SET status_work = 'working' WHERE id = ?", operatorId);
        ask("m-1", "chat-1", "А гарантия у вас есть?");
        ask("m-2", "chat-2", "Какие у вас скидки?");
        Eventually.until("both chats are described (the same executor runs the auto-responder)", () ->
                data.db().queryLong("SELECT count(*) FROM conversations WHERE ad_title IS NOT NULL") == 2);
        assertEquals(0, data.count("ai_answers"));
        assertEquals(List.of(), avito.sent());
    }

    private void ask(String messageId, String chatId, String text) {
        assertEquals(200, new Api(client).post(webhook, AvitoWebhooks.clientMessage(messageId, chatId, AvitoSetup.AVITO_USER, text)).status());
    }

    private Map<String, Object> conversation() {
        long id = ((Number) admin.get("/api/conversations").list().get(0).get("id")).longValue();
        return admin.get("/api/conversations/" + id).data();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> messages(Map<String, Object> detail) {
        return (List<Map<String, Object>>) detail.get("messages");
    }

    @SuppressWarnings("unchecked")
    private static String status(Map<String, Object> detail) {
        return (String) ((Map<String, Object>) detail.get("conversation")).get("status");
    }

    @SuppressWarnings("unchecked")
    private static long id(Map<String, Object> detail) {
        return ((Number) ((Map<String, Object>) detail.get("conversation")).get("id")).longValue();
    }
}

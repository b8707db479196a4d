package org.callcentre.crm.ai.replies;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.AvitoServerFixture;
import org.callcentre.crm.testing.AvitoSetup;
import org.callcentre.crm.testing.AvitoWebhooks;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat reply box's help over HTTP on real PostgreSQL, replies going out to the local Avito
 * server: "/" finds templates and knowledge-base answers of the chat's city; the AI suggests an
 * answer to the client's last question with its confidence and sources; a reply sent from it is
 * recorded as accepted or edited and rated so.
 */
@MicronautTest(transactional = false)
class ReplyAssistTest extends AvitoServerFixture {
    private static final String WARRANTY = "Гарантия на работу — 12 месяцев.";
    Api supervisor;
    Api operator;
    Api moscowOperator;
    String webhook;
    long chat;

    @BeforeEach
    void setUp() {
        data.reset();
        long kazan = data.city("Казань", "Europe/Moscow");
        long moscow = data.city("Москва", "Europe/Moscow");
        data.user("boss", "admin", null, null);
        data.user("sveta", "supervisor", null, null);
        data.user("olga", "operator", kazan, "101");
        data.user("misha", "operator", moscow, "201");
        supervisor = new Api(client).login("sveta", TestData.PASSWORD);
        operator = new Api(client).login("olga", TestData.PASSWORD);
        moscowOperator = new Api(client).login("misha", TestData.PASSWORD);
        assertEquals(201, supervisor.post("/api/knowledge/entries", Map.of("category", "гарантия", "title", "Гарантия",
                "questions", List.of("Какая гарантия на ремонт?", "Даёте гарантию?"), "answer", WARRANTY)).status());
        webhook = AvitoSetup.account(new Api(client).login("boss", TestData.PASSWORD), avito, "Казань");
        clientWrites("m-1", "Здравствуйте! А гарантию на ремонт даёте?");
        chat = ((Number) operator.get("/api/conversations").list().get(0).get("id")).longValue();
    }

    private void clientWrites(String id, String text) {
        new Api(client).post(webhook, AvitoWebhooks.clientMessage(id, "chat-7", AvitoSetup.AVITO_USER, text));
    }

    private long template(String title, String text, String city) {
        Api.Reply created = supervisor.post("/api/ai/templates", Map.of("title", title, "text", text, "city", city));
        assertEquals(201, created.status(), created.toString());
        return ((Number) created.data().get("id")).longValue();
    }

    private List<String> titles(Api who, String search) {
        Api.Reply found = who.get("/api/ai/quick-replies?conversationId=" + chat + "&q="
                + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, found.status(), found.toString());
        return found.list().stream().map(r -> r.get("source") + ":" + r.get("title")).toList();
    }

    private long send(String text) {
        Api.Reply sent = operator.post("/api/conversations/" + chat + "/messages", Map.of("text", text));
        assertEquals(201, sent.status(), sent.toString());
        return ((Number) sent.data().get("id")).longValue();
    }

    @Test
    void slashFindsTheTemplatesAndAnswersOfTheChatsCity() {
        template("Адрес сервиса", "Мы на ул. Баумана, 1.", "Казань");
        template("Приветствие", "Здравствуйте! Чем помочь?", "");
        template("Адрес в Москве", "Мы на Тверской, 5.", "Москва");

        assertEquals(List.of("template:Адрес сервиса"), titles(operator, "адрес"));
        assertEquals(List.of("knowledge:Гарантия"), titles(operator, "гарант"));
        assertEquals(List.of("template:Адрес сервиса", "template:Приветствие", "knowledge:Гарантия"), titles(operator, ""));
        assertEquals(404, moscowOperator.get("/api/ai/quick-replies?conversationId=" + chat).status(), "another city's chat");
        assertEquals(List.of("template:Адрес в Москве", "template:Приветствие", "knowledge:Гарантия"),
                moscowOperator.get("/api/ai/quick-replies").list().stream().map(r -> r.get("source") + ":" + r.get("title")).toList());
    }

    @Test
    void templatesAreKeptByAdminsAndSupervisorsWithEveryProblemNamed() {
        Api.Reply bad = supervisor.post("/api/ai/templates", Map.of("title", " ", "city", "Атлантида"));
        assertEquals(400, bad.status());
        assertEquals(Set.of("title", "text", "city"), bad.errorFields().keySet());
        assertEquals(403, operator.post("/api/ai/templates", Map.of("title", "Т", "text", "Текст")).status());
        assertEquals(403, operator.get("/api/ai/templates").status());
        long id = template("Приветствие", "Здравствуйте!", "");
        Api.Reply changed = supervisor.patch("/api/ai/templates/" + id, Map.of("text", "Добрый день!"));
        assertEquals("Добрый день!", changed.data().get("text"));
        assertEquals("Приветствие", changed.data().get("title"));
        assertEquals(200, supervisor.delete("/api/ai/templates/" + id).status());
        assertEquals(3L, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'reply_template'"));
        assertEquals(0, data.count("reply_templates"));
    }

    @Test
    void aSuggestionSentAsOfferedIsAcceptedAndOneEditedFirstIsEdited() {
        Api.Reply offered = operator.post("/api/ai/suggestions", Map.of("conversationId", chat));
        assertEquals(200, offered.status(), offered.toString());
        assertEquals(WARRANTY, offered.data().get("answer"));
        assertEquals("Здравствуйте! А гарантию на ремонт даёте?", offered.data().get("question"));
        assertTrue(((Number) offered.data().get("confidence")).doubleValue() > 0.5, offered.toString());
        assertEquals("Гарантия", ((Map<?, ?>) ((List<?>) offered.data().get("sources")).get(0)).get("title"));
        long suggestion = ((Number) offered.data().get("id")).longValue();
        assertEquals(suggestion, ((Number) operator.post("/api/ai/suggestions", Map.of("conversationId", chat)).data().get("id")).longValue(),
                "asked again for the same question, the same suggestion");

        long message = send(WARRANTY);
        Api.Reply used = operator.post("/api/ai/answers/" + suggestion + "/use", Map.of("messageId", message));
        assertEquals(200, used.status(), used.toString());
        assertEquals("accepted", used.data().get("used"));
        assertEquals(5L, data.db().queryLong("SELECT rating FROM ai_answer_ratings WHERE ai_answer_id = ?", suggestion));
        assertEquals(200, operator.post("/api/ai/answers/" + suggestion + "/use", Map.of("messageId", message)).status(), "idempotent");

        clientWrites("m-2", "А на запчасти гарантия есть?");
        long second = ((Number) operator.post("/api/ai/suggestions", Map.of("conversationId", chat)).data().get("id")).longValue();
        assertTrue(second != suggestion);
        long edited = send("Да, 12 месяцев и на работу, и на запчасти.");
        assertEquals("edited", operator.post("/api/ai/answers/" + second + "/use", Map.of("messageId", edited)).data().get("used"));
        assertEquals(3L, data.db().queryLong("SELECT rating FROM ai_answer_ratings WHERE ai_answer_id = ?", second));
        assertEquals(409, operator.post("/api/ai/answers/" + second + "/use", Map.of("messageId", message)).status());
        assertEquals(data.db().queryLong("SELECT count(*) FROM ai_answers WHERE handoff AND suggested_to IS NULL"),
                supervisor.get("/api/ai/handoffs/groups").list().stream().mapToLong(g -> ((Number) g.get("count")).longValue()).sum(),
                "the hand-off review lists the auto-responder's hand-offs, not the suggestions offered to operators");
    }

    @Test
    void badUsesAreA400NamingTheFieldAndOtherCitiesAreRefused() {
        long suggestion = ((Number) operator.post("/api/ai/suggestions", Map.of("conversationId", chat)).data().get("id")).longValue();
        assertTrue(operator.post("/api/ai/suggestions", Map.of()).errorFields().containsKey("conversationId"));
        assertTrue(operator.post("/api/ai/answers/" + suggestion + "/use", Map.of()).errorFields().containsKey("messageId"));
        long clientMessage = data.db().queryLong("SELECT min(id) FROM messages WHERE sender = 'client'");
        Api.Reply notAReply = operator.post("/api/ai/answers/" + suggestion + "/use", Map.of("messageId", clientMessage));
        assertEquals(400, notAReply.status());
        assertTrue(notAReply.errorFields().containsKey("messageId"), notAReply.toString());
        assertEquals(400, operator.post("/api/ai/answers/" + suggestion + "/use", Map.of("messageId", 999_999)).status());
        assertEquals(404, moscowOperator.post("/api/ai/suggestions", Map.of("conversationId", chat)).status());
        assertEquals(404, moscowOperator.post("/api/ai/answers/" + suggestion + "/use", Map.of("messageId", clientMessage)).status());
        assertEquals(0L, data.db().queryLong("SELECT count(*) FROM ai_answers WHERE used IS NOT NULL"));
        assertEquals(0, data.count("ai_answer_ratings"));
    }
}

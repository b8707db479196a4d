package org.callcentre.crm.ai.answers;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.Api;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/ai/answer} with a language model configured: a local server speaking the OpenAI
 * chat-completions protocol words the answer; when it fails or is slower than the 1 s timeout the
 * entry's own text is sent. Also ratings and their effect on ranking.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AiAnswerEndpointTest implements TestPropertyProvider {
    private static final String WARRANTY = "Гарантия на работу — 12 месяцев.";

    private HttpServer llm;
    private final List<Map<String, Object>> prompts = new CopyOnWriteArrayList<>();
    private volatile String mode = "answer";
    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    TestData data;
    Api supervisor;
    Api operator;

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> getProperties() {
        try {
            llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectMapper json = ObjectMapper.getDefault();
        llm.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                prompts.add(json.readValue(exchange.getRequestBody().readAllBytes(), Map.class));
                if (mode.equals("slow")) {
                    Thread.sleep(3000);
                }
                int status = mode.equals("broken") ? 500 : 200;
                byte[] body = json.writeValueAsBytes(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                        "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                                "message", Map.of("role", "assistant", "content", "Да, даём гарантию 12 месяцев на работу.")))));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the client gave up waiting (the timeout case)
            }
        });
        llm.start();
        return Map.of("crm.ai.llm.url", "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1",
                "crm.ai.llm.timeout", "1s", "crm.ai.llm.model", "test-model");
    }

    @AfterAll
    void stop() {
        llm.stop(0);
    }

    @BeforeEach
    void setUp() {
        data.reset();
        prompts.clear();
        mode = "answer";
        long city = data.city("Казань", "Europe/Moscow");
        data.user("sveta", "supervisor", null, null);
        data.user("olga", "operator", city, "101");
        supervisor = new Api(client).login("sveta", TestData.PASSWORD);
        operator = new Api(client).login("olga", TestData.PASSWORD);
        assertEquals(201, supervisor.post("/api/knowledge/entries", Map.of("category", "гарантия", "title", "Гарантия",
                "questions", List.of("Какая гарантия на ремонт?", "Даёте гарантию?"), "answer", WARRANTY)).status());
        assertEquals(201, supervisor.post("/api/knowledge/entries", Map.of("category", "жалобы", "title", "Мастер не пришёл",
                "questions", List.of("Мастер не пришёл", "Мастер опаздывает"), "answer", "Передаём старшему.")).status());
    }

    @Test
    void theModelWordsTheAnswerFromTheRetrievedEntry() {
        Api.Reply reply = operator.post("/api/ai/answer", Map.of("question", "Гарантию на ремонт даёте?", "city", "Казань"));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("Да, даём гарантию 12 месяцев на работу.", reply.data().get("answer"));
        assertEquals("Гарантия", reply.data().get("title"));
        assertEquals(true, reply.data().get("writtenByLlm"));
        assertEquals(false, reply.data().get("handoff"));
        assertEquals("Гарантия", ((Map<?, ?>) ((List<?>) reply.data().get("sources")).get(0)).get("title"));
        Map<String, Object> prompt = prompts.get(0);
        assertEquals("test-model", prompt.get("model"));
        String system = (String) ((Map<?, ?>) ((List<?>) prompt.get("messages")).get(0)).get("content");
        assertTrue(system.contains(WARRANTY), system);
        assertEquals(1, data.count("ai_answers"));
    }

    @Test
    void aSlowOrBrokenModelFallsBackToTheEntrysText() {
        mode = "slow";
        long started = System.nanoTime();
        Api.Reply slow = operator.post("/api/ai/answer", Map.of("question", "Гарантию на ремонт даёте?"));
        assertEquals(WARRANTY, slow.data().get("answer"));
        assertEquals(false, slow.data().get("writtenByLlm"));
        assertTrue(System.nanoTime() - started < 2_900_000_000L, "the 1 s timeout cut the 3 s model short");
        mode = "broken";
        assertEquals(WARRANTY, operator.post("/api/ai/answer", Map.of("question", "Гарантию на ремонт даёте?")).data().get("answer"));
    }

    @Test
    void complaintsAreHandedOffWithoutAskingTheModel() {
        Api.Reply reply = operator.post("/api/ai/answer", Map.of("question", "Мастер опаздывает уже на час"));
        assertEquals(true, reply.data().get("handoff"));
        assertNull(reply.data().get("answer"));
        assertNull(reply.data().get("title"));
        assertEquals("own_order", reply.data().get("reason"));
        assertEquals(List.of(), prompts);
    }

    @Test
    void aCityTheCrmDoesNotServeIsHandedOffNotRefused() {
        Api.Reply reply = operator.post("/api/ai/answer", Map.of("question", "Гарантию на ремонт даёте?", "city", "Атлантида"));
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(true, reply.data().get("handoff"));
        assertNull(reply.data().get("answer"));
        assertEquals("city_not_served", reply.data().get("reason"));
        assertEquals(List.of(), prompts);
    }

    @Test
    void ratingsAreStoredPerOperatorAndMoveTheEntrysConfidence() {
        mode = "broken";
        String question = "а гарантия какая будет";
        Api.Reply first = operator.post("/api/ai/answer", Map.of("question", question));
        double before = ((Number) first.data().get("confidence")).doubleValue();
        long id = ((Number) first.data().get("id")).longValue();

        assertEquals(200, operator.post("/api/ai/answers/" + id + "/rating", Map.of("rating", 1, "comment", "не то")).status());
        Api.Reply rated = supervisor.post("/api/ai/answers/" + id + "/rating", Map.of("rating", 2));
        assertEquals(2, ((Number) rated.data().get("ratings")).intValue());
        assertEquals(1.5, ((Number) rated.data().get("averageRating")).doubleValue());
        operator.post("/api/ai/answers/" + id + "/rating", Map.of("rating", 1));
        assertEquals(2, data.count("ai_answer_ratings"), "a second rating by the same operator replaces the first");

        double after = ((Number) operator.post("/api/ai/answer", Map.of("question", question)).data().get("confidence")).doubleValue();
        assertTrue(after < before, before + " -> " + after);
        assertEquals(3, data.db().queryLong("SELECT count(*) FROM audit_log WHERE entity = 'ai_answer' AND action = 'update'"));
    }

    @Test
    void anOperatorReadsAndRatesOnlyTheAnswersOfTheirOwnCity() {
        mode = "broken";
        long moscow = data.city("Москва", "Europe/Moscow");
        data.user("misha", "operator", moscow, "201");
        Api moscowOperator = new Api(client).login("misha", TestData.PASSWORD);
        long askedForMoscow = ((Number) supervisor.post("/api/ai/answer", Map.of("question", "Гарантия?", "city", "Москва"))
                .data().get("id")).longValue();
        data.db().update("INSERT INTO avito_accounts (name, city_id, avito_user_id, client_id, webhook_secret_hash) "
                + "VALUES ('Avito Москва', ?, 1, 'c', 'h')", moscow);
        long chat = data.db().insert("INSERT INTO conversations (account_id, external_chat_id, city_id, last_message_at) "
                + "SELECT id, 'chat-1', ?, now() FROM avito_accounts RETURNING id", moscow);
        long chatAnswer = data.db().insert("INSERT INTO ai_answers (conversation_id, question, confidence, handoff, reason) "
                + "VALUES (?, 'Я Иван Петров, ул. Ленина 5, кв 12', 0.1, true, 'low_confidence') RETURNING id", chat);

        for (long id : new long[] {askedForMoscow, chatAnswer}) {
            assertEquals(404, operator.get("/api/ai/answers/" + id).status(), "Kazan's operator reads Moscow's answer " + id);
            assertEquals(404, operator.post("/api/ai/answers/" + id + "/rating", Map.of("rating", 5)).status());
            assertEquals(200, moscowOperator.get("/api/ai/answers/" + id).status());
            assertEquals(200, supervisor.get("/api/ai/answers/" + id).status());
        }
        assertEquals(0, data.count("ai_answer_ratings"));
        assertEquals(200, moscowOperator.post("/api/ai/answers/" + chatAnswer + "/rating", Map.of("rating", 4)).status());
    }

    @Test
    void badQuestionsAndRatingsAreA400NamingTheField() {
        Api.Reply noQuestion = operator.post("/api/ai/answer", Map.of("city", "Казань"));
        assertEquals(400, noQuestion.status());
        assertEquals(java.util.Set.of("question"), noQuestion.errorFields().keySet());
        long id = ((Number) operator.post("/api/ai/answer", Map.of("question", "Гарантия?")).data().get("id")).longValue();
        assertTrue(operator.post("/api/ai/answers/" + id + "/rating", Map.of("rating", 6)).errorFields().containsKey("rating"));
        assertTrue(operator.post("/api/ai/answers/" + id + "/rating", Map.of("rating", "пять")).errorFields().containsKey("rating"));
        assertEquals(404, operator.post("/api/ai/answers/99999/rating", Map.of("rating", 5)).status());
        assertEquals(0, data.count("ai_answer_ratings"));
        assertEquals(401, new Api(client).post("/api/ai/answers/" + id + "/rating", Map.of("rating", 5)).status());
    }
}

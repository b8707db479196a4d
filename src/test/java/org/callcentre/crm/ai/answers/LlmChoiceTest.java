package org.callcentre.crm.ai.answers;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import org.callcentre.crm.ai.llm.ChatCompletions;
import org.callcentre.crm.ai.llm.LlmSettings;
import org.callcentre.crm.knowledge.IndexedEntry;
import org.callcentre.crm.knowledge.KnowledgeIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a language model configured, the model may choose the entry or hand off, behind the
 * never-alone guard. A local HTTP server speaks the chat-completions protocol and replays recorded
 * replies (valid, a hand-off, outside the schema, malformed, slow); every bad reply leaves
 * retrieval's own decision. No quality figure is claimed for the model path.
 */
class LlmChoiceTest {
    private static final List<IndexedEntry> ENTRIES = List.of(
            new IndexedEntry(1, "цены", "Ремонт стиральных машин", List.of("Сколько стоит ремонт стиральной машины?"),
                    "От 1200 ₽ за работу.", null),
            new IndexedEntry(2, "цены", "Диагностика", List.of("Сколько стоит диагностика стиральной машины?"),
                    "Диагностика бесплатна при ремонте, иначе 500 ₽.", null));

    private final List<String> systemPrompts = new CopyOnWriteArrayList<>();
    private Map<String, String> recorded;
    private volatile String reply;
    private volatile boolean slow;
    private HttpServer server;
    private AnswerFlow flow;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void startServer() throws IOException {
        ObjectMapper json = ObjectMapper.getDefault();
        try (InputStream in = getClass().getResourceAsStream("/llm/choose-answers.json")) {
            recorded = json.readValue(in.readAllBytes(), Map.class);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            try (exchange) {
                Map<String, Object> body = json.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
                String system = (String) ((Map<?, ?>) ((List<?>) body.get("messages")).get(0)).get("content");
                systemPrompts.add(system);
                if (slow) {
                    Thread.sleep(1500);
                }
                // the choice prompt asks for JSON; the wording prompt gets plain text
                String content = body.containsKey("response_format") ? reply : "Диагностика у нас бесплатна при ремонте.";
                byte[] out = json.writeValueAsBytes(Map.of("id", "chatcmpl-1", "object", "chat.completion", "choices",
                        List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", content)))));
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, out.length);
                exchange.getResponseBody().write(out);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException ignored) {
                // the client gave up waiting (the slow case)
            }
        });
        server.start();
        LlmSettings settings = new LlmSettings("http://127.0.0.1:" + server.getAddress().getPort() + "/v1", null, "test",
                Duration.ofMillis(500));
        flow = new AnswerFlow(new AnswerDecider(new AnswerPolicy(0.55, List.of(), List.of())),
                new LlmClient(new ChatCompletions(settings, json, characters -> { }), json));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theModelsValidChoiceAnswersFromThatEntry() {
        reply = recorded.get("entry");
        AnswerDecision d = flow.decide(KnowledgeIndex.of(ENTRIES), "а проверить стиралку сколько стоит", null);
        assertFalse(d.handoff());
        assertEquals("Диагностика", d.title());
        assertEquals("llm_choice", d.reason());
        assertEquals("Диагностика у нас бесплатна при ремонте.", d.answer());
        assertTrue(systemPrompts.get(0).contains("Ремонт стиральных машин: От 1200 ₽ за работу."), systemPrompts.get(0));
        assertTrue(systemPrompts.get(0).contains("{\"choice\""), "the prompt names the schema");
    }

    @Test
    void theModelMayHandOff() {
        reply = recorded.get("handoff");
        AnswerDecision d = flow.decide(KnowledgeIndex.of(ENTRIES), "сколько стоит ремонт стиральной машины", null);
        assertTrue(d.handoff());
        assertEquals("llm_handoff", d.reason());
        assertEquals(1, systemPrompts.size(), "a hand-off is not worded");
    }

    @Test
    void aReplyOutsideTheSchemaLeavesRetrievalsDecision() {
        for (String bad : List.of("outOfRange", "malformed", "fraction")) {
            reply = recorded.get(bad);
            AnswerDecision d = flow.decide(KnowledgeIndex.of(ENTRIES), "сколько стоит ремонт стиральной машины", null);
            assertFalse(d.handoff(), bad);
            assertEquals("Ремонт стиральных машин", d.title(), bad);
            assertEquals("answered", d.reason(), bad);
        }
    }

    @Test
    void aSlowModelLeavesRetrievalsDecisionAndTheEntrysText() {
        reply = recorded.get("handoff");
        slow = true;
        AnswerDecision d = flow.decide(KnowledgeIndex.of(ENTRIES), "сколько стоит ремонт стиральной машины", null);
        assertFalse(d.handoff());
        assertEquals("Ремонт стиральных машин", d.title());
        assertEquals("От 1200 ₽ за работу.", d.answer());
        assertFalse(d.writtenByLlm());
    }

    @Test
    void theGuardDecidesBeforeTheModelIsAsked() {
        reply = recorded.get("entry");
        AnswerDecision d = flow.decide(KnowledgeIndex.of(ENTRIES), "верните деньги за ремонт стиральной машины", null);
        assertTrue(d.handoff());
        assertEquals("refund", d.reason());
        assertEquals(List.of(), systemPrompts);
    }
}

package org.callcentre.crm.ai.drafts;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code crm.ai.llm.url} set, drafts come from an OpenAI-compatible server (here a local one
 * speaking the chat-completions protocol and replaying recorded answers); when it is slow or answers
 * nonsense, from the rules; a field it leaves out or gets wrong, from the rules field by field.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmDraftFallbackTest implements TestPropertyProvider {
    private static final String TEXT = "холодильник течет улица мира дом три завтра вечером";
    private HttpServer llm;
    private final AtomicReference<String> mode = new AtomicReference<>("answer");
    private final AtomicReference<String> lastRequest = new AtomicReference<>();

    @Inject
    OrderDrafts drafts;

    @Override
    public Map<String, String> getProperties() {
        try {
            llm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        llm.createContext("/v1/chat/completions", exchange -> {
            lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            String body;
            switch (mode.get()) {
                case "slow" -> {
                    sleep(6_000);
                    body = "{}";
                }
                case "nonsense" -> body = "{\"choices\":[{\"message\":{\"content\":\"Конечно! Вот черновик.\"}}]}";
                case "fields-wrong" -> body = """
                        {"choices":[{"message":{"role":"assistant","content":"{\\"city\\":null,\\"equipmentType\\":{\\"value\\":\\"холодильник\\",\\"evidence\\":\\"холодильник\\"},\\"problem\\":{\\"value\\":\\"течёт снизу\\",\\"evidence\\":\\"течет\\"},\\"visitDate\\":{\\"value\\":\\"завтра вечером\\",\\"evidence\\":\\"завтра вечером\\"},\\"clientName\\":null,\\"summary\\":\\"Течёт холодильник.\\",\\"sentiment\\":\\"angry\\"}"}}]}""";
                default -> body = """
                        {"choices":[{"message":{"role":"assistant","content":"{\\"city\\":null,\\"address\\":{\\"value\\":\\"ул. Мира, д. 3\\",\\"evidence\\":\\"улица мира дом три\\"},\\"equipmentType\\":{\\"value\\":\\"холодильник\\",\\"evidence\\":\\"холодильник\\"},\\"problem\\":{\\"value\\":\\"течёт\\",\\"evidence\\":\\"течет\\"},\\"visitDate\\":{\\"value\\":\\"2026-03-11T19:00\\",\\"evidence\\":\\"завтра вечером\\"},\\"clientName\\":null,\\"summary\\":\\"Течёт холодильник.\\",\\"sentiment\\":\\"neutral\\"}"}}]}""";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } catch (IOException clientGaveUp) {
                // the CRM timed out first, as it should
            }
            exchange.close();
        });
        llm.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        llm.start();
        return Map.of("crm.ai.llm.url", "http://127.0.0.1:" + llm.getAddress().getPort() + "/v1", "crm.ai.llm.api-key", "test-llm-key",
                "crm.ai.llm.model", "test-model", "crm.ai.llm.timeout", "2s");
    }

    @AfterAll
    void stop() {
        llm.stop(0);
    }

    @Test
    void theLlmsDraftIsUsedWhenItAnswersAndTheRulesWhenItIsSlowOrUnreadable() {
        mode.set("answer");
        OrderDraft fromLlm = drafts.draft(TEXT, null, LocalDateTime.parse("2026-03-10T12:00"));
        assertEquals("llm:test-model", fromLlm.generator());
        assertEquals("2026-03-11T19:00", fromLlm.visitDate().value());
        assertEquals("Течёт холодильник.", fromLlm.summary());
        assertTrue(lastRequest.get().contains(TEXT) && lastRequest.get().endsWith("auth=Bearer test-llm-key"), lastRequest.get());

        mode.set("slow");
        long started = System.nanoTime();
        OrderDraft afterTimeout = drafts.draft(TEXT, null, LocalDateTime.parse("2026-03-10T12:00"));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "gave up at the timeout");
        assertEquals(OrderDraftRules.GENERATOR, afterTimeout.generator());
        assertEquals("2026-03-11", afterTimeout.visitDate().value());

        mode.set("nonsense");
        assertEquals(OrderDraftRules.GENERATOR, drafts.draft(TEXT, null, LocalDateTime.parse("2026-03-10T12:00")).generator());
        assertTrue(lastRequest.get().contains("\"json_schema\"") && lastRequest.get().contains("\"order_draft\""),
                "the draft is asked as JSON following a schema: " + lastRequest.get());
    }

    @Test
    void aFieldTheLlmLeavesOutOrGetsWrongTakesTheRulesValueAndTheOthersStayTheLlms() {
        mode.set("fields-wrong");
        OrderDraft mixed = drafts.draft(TEXT, null, LocalDateTime.parse("2026-03-10T12:00"));
        assertEquals("ул. Мира, д. 3", mixed.address().value(), "left out: the rules' address");
        assertEquals("2026-03-11", mixed.visitDate().value(), "«завтра вечером» is no date: the rules' date");
        assertEquals("течёт снизу", mixed.problem().value(), "well formed: the model's");
        assertEquals(null, mixed.clientName(), "answered null: stays null");
        assertEquals("neutral", mixed.sentiment(), "an unknown sentiment: the rules'");
        assertEquals("llm:test-model; rules: address,visitDate", mixed.generator());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

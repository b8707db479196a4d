package org.callcentre.crm.ai.llm;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.callcentre.crm.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A local server speaking the OpenAI chat-completions API, and a day's budget of two requests and
 * 1 000 characters: what would pass either cap is not sent at all, and the refusal is the IOException
 * every caller already turns into its offline result.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmDailyCapTest implements TestPropertyProvider {
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    @Inject
    ChatCompletions llm;
    @Inject
    TestData data;

    @Override
    public Map<String, String> getProperties() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            byte[] body = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"да\"}}]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of("crm.ai.llm.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "crm.ai.llm.max-calls-per-day", "2", "crm.ai.llm.max-characters-per-day", "1000");
    }

    @AfterAll
    void stop() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        data.reset();
        requests.set(0);
    }

    @Test
    void pastTheDailyNumberOfRequestsNothingIsSent() throws Exception {
        assertEquals("да", llm.complete("system", "вопрос", false));
        assertEquals("да", llm.complete("system", "вопрос", false));
        IOException capped = assertThrows(IOException.class, () -> llm.complete("system", "вопрос", false));
        assertTrue(capped.getMessage().contains("daily cap"), capped.getMessage());
        assertEquals(2, requests.get(), "the third request never left");
        assertEquals(2, data.db().queryLong("SELECT calls FROM llm_usage"));
    }

    @Test
    void pastTheDailyNumberOfCharactersNothingIsSent() throws Exception {
        assertEquals("да", llm.complete("system", "в".repeat(600), false));
        IOException capped = assertThrows(IOException.class, () -> llm.complete("system", "в".repeat(600), false));
        assertTrue(capped.getMessage().contains("daily cap"), capped.getMessage());
        assertEquals(1, requests.get());
        assertEquals(606, data.db().queryLong("SELECT characters FROM llm_usage"), "a refused request is not counted");
    }
}

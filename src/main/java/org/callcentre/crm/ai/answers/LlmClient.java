package org.callcentre.crm.ai.answers;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An OpenAI-compatible chat-completions server ({@code crm.ai.llm.url}, e.g. {@code http://host/v1})
 * that words the answer from the retrieved entries. It only rewrites an answer retrieval already
 * chose, so it never decides whether to answer; on any failure or after {@code crm.ai.llm.timeout}
 * the caller keeps the entry's own text.
 */
@Singleton
public class LlmClient {
    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);
    private static final String INSTRUCTIONS = "Ты оператор сервиса ремонта бытовой техники и отвечаешь клиенту в чате. "
            + "Отвечай коротко, вежливо, по-русски и только тем, что сказано в справке ниже. "
            + "Ничего не придумывай: ни цен, ни сроков, ни обещаний, которых нет в справке.";

    private final AiSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;

    public LlmClient(AiSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.llmTimeout()).build();
    }

    public boolean configured() {
        return settings.llmUrl() != null;
    }

    /** The model's answer to {@code question} from {@code reference}, or empty when it failed or took too long. */
    @SuppressWarnings("unchecked")
    public Optional<String> answer(String question, String reference) {
        if (!configured()) {
            return Optional.empty();
        }
        String base = settings.llmUrl().endsWith("/") ? settings.llmUrl().substring(0, settings.llmUrl().length() - 1) : settings.llmUrl();
        try {
            String body = json.writeValueAsString(Map.of(
                    "model", settings.llmModel(),
                    "temperature", 0,
                    "messages", List.of(
                            Map.of("role", "system", "content", INSTRUCTIONS + "\n\nСправка:\n" + reference),
                            Map.of("role", "user", "content", question))));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                    .timeout(settings.llmTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (settings.llmApiKey() != null) {
                request.header("Authorization", "Bearer " + settings.llmApiKey());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                LOG.warn("Language model answered {}; the entry's own answer is sent", response.statusCode());
                return Optional.empty();
            }
            Map<String, Object> answer = json.readValue(response.body(), Map.class);
            if (answer.get("choices") instanceof List<?> choices && !choices.isEmpty()
                    && choices.get(0) instanceof Map<?, ?> choice && choice.get("message") instanceof Map<?, ?> message
                    && message.get("content") instanceof String content && !content.isBlank()) {
                return Optional.of(content.trim());
            }
            LOG.warn("Language model's answer has no choices[0].message.content; the entry's own answer is sent");
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Language model failed ({}); the entry's own answer is sent", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

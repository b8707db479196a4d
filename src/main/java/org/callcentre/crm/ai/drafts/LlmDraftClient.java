package org.callcentre.crm.ai.drafts;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Asks an OpenAI-compatible server ({@code POST …/chat/completions}) for the draft as JSON. Any
 * failure — timeout, HTTP error, an answer that is not the JSON asked for — is an IOException, and
 * the caller falls back to the rules.
 */
@Singleton
class LlmDraftClient {
    private static final String PROMPT = """
            Ты помогаешь оператору сервиса ремонта техники. По расшифровке звонка верни только JSON-объект с полями \
            city, address, equipmentType, problem, visitDate, clientName (каждое — объект {"value","evidence"} или null; \
            evidence — слова из расшифровки), summary (1–2 предложения по-русски), sentiment (positive|neutral|negative). \
            visitDate в виде YYYY-MM-DDTHH:MM (или YYYY-MM-DD без времени), считая от времени звонка %s. Город звонка: %s.""";

    private final LlmSettings settings;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().build();

    LlmDraftClient(LlmSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    OrderDraft draft(String text, String city, LocalDateTime callTime) throws IOException, InterruptedException {
        String url = settings.url().endsWith("/chat/completions") ? settings.url()
                : settings.url().replaceAll("/+$", "") + "/chat/completions";
        Map<String, Object> body = Map.of("model", settings.model(), "temperature", 0,
                "response_format", Map.of("type", "json_object"),
                "messages", List.of(Map.of("role", "system", "content", PROMPT.formatted(callTime, city == null ? "не известен" : city)),
                        Map.of("role", "user", "content", text)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("LLM answered " + response.statusCode());
        }
        JsonNode choices = json.readValue(response.body(), JsonNode.class).get("choices");
        if (choices == null || !choices.isArray() || choices.size() == 0) {
            throw new IOException("LLM answer has no choices");
        }
        String content = choices.get(0).get("message").get("content").getStringValue();
        JsonNode d = json.readValue(content, JsonNode.class);
        return new OrderDraft(field(d, "city"), field(d, "address"), field(d, "equipmentType"), field(d, "problem"),
                field(d, "visitDate"), field(d, "clientName"), text(d, "summary"), text(d, "sentiment"),
                "llm:" + settings.model(), true);
    }

    private static DraftField field(JsonNode d, String name) {
        JsonNode f = d.get(name);
        if (f == null || f.isNull() || f.get("value") == null || f.get("value").isNull()) {
            return null;
        }
        return new DraftField(f.get("value").coerceStringValue(), f.get("evidence") == null ? null : f.get("evidence").coerceStringValue());
    }

    private static String text(JsonNode d, String name) {
        JsonNode f = d.get(name);
        return f == null || f.isNull() ? null : f.coerceStringValue();
    }
}

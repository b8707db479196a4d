package org.callcentre.crm.ai.llm;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One exchange with the OpenAI-compatible server of {@code crm.ai.llm.*} ({@code POST <url>/chat/completions},
 * where the url is the server's {@code …/v1} base). Every failure — no answer within the timeout, an
 * HTTP error, an answer without {@code choices[0].message.content} — is an IOException, so each
 * caller keeps its own offline result — a request past the daily budget ({@link LlmBudget}) too.
 */
@Singleton
public class ChatCompletions {
    private final LlmSettings settings;
    private final ObjectMapper json;
    private final LlmBudget budget;
    private final HttpClient http;

    public ChatCompletions(LlmSettings settings, ObjectMapper json, LlmBudget budget) {
        this.settings = settings;
        this.json = json;
        this.budget = budget;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    public boolean configured() {
        return settings.configured();
    }

    public String model() {
        return settings.model();
    }

    /** The model's reply to {@code user} under the {@code system} instructions; {@code jsonObject} asks for a JSON object. */
    public String complete(String system, String user, boolean jsonObject) throws IOException, InterruptedException {
        return send(system, user, jsonObject ? Map.of("type", "json_object") : null);
    }

    /**
     * The model's reply as a JSON object that follows {@code schema} (a JSON Schema, sent as
     * {@code response_format: {"type":"json_schema", …, "strict": true}}). A server may still answer
     * something else: the caller checks what it gets.
     */
    public String completeJson(String system, String user, String schemaName, Map<String, Object> schema)
            throws IOException, InterruptedException {
        return send(system, user, Map.of("type", "json_schema",
                "json_schema", Map.of("name", schemaName, "strict", true, "schema", schema)));
    }

    private String send(String system, String user, Map<String, Object> responseFormat) throws IOException, InterruptedException {
        if (!configured()) {
            throw new IOException("no language model is configured (crm.ai.llm.url)");
        }
        budget.spend(system.length() + user.length());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("temperature", 0);
        if (responseFormat != null) {
            body.put("response_format", responseFormat);
        }
        body.put("messages", List.of(Map.of("role", "system", "content", system), Map.of("role", "user", "content", user)));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint()).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the language model answered " + response.statusCode());
        }
        JsonNode choices = json.readValue(response.body(), JsonNode.class).get("choices");
        JsonNode message = choices != null && choices.isArray() && choices.size() > 0 ? choices.get(0).get("message") : null;
        JsonNode content = message == null ? null : message.get("content");
        if (content == null || !content.isString() || content.getStringValue().isBlank()) {
            throw new IOException("the language model's answer has no choices[0].message.content");
        }
        return content.getStringValue().trim();
    }

    private URI endpoint() {
        String url = settings.url().replaceAll("/+$", "");
        return URI.create(url.endsWith("/chat/completions") ? url : url + "/chat/completions");
    }
}

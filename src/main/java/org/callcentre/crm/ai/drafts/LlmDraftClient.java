package org.callcentre.crm.ai.drafts;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.ai.llm.ChatCompletions;

import java.io.IOException;
import java.time.LocalDateTime;

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

    private final ChatCompletions llm;
    private final ObjectMapper json;

    LlmDraftClient(ChatCompletions llm, ObjectMapper json) {
        this.llm = llm;
        this.json = json;
    }

    OrderDraft draft(String text, String city, LocalDateTime callTime) throws IOException, InterruptedException {
        String content = llm.complete(PROMPT.formatted(callTime, city == null ? "не известен" : city), text, true);
        JsonNode d = json.readValue(content, JsonNode.class);
        return new OrderDraft(field(d, "city"), field(d, "address"), field(d, "equipmentType"), field(d, "problem"),
                field(d, "visitDate"), field(d, "clientName"), text(d, "summary"), text(d, "sentiment"),
                "llm:" + llm.model(), true);
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

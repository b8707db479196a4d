package org.callcentre.crm.ai.drafts;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.language.Towns;
import org.callcentre.crm.ai.llm.ChatCompletions;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Asks an OpenAI-compatible server ({@code POST …/chat/completions}) for the draft as JSON following
 * a schema, and checks it field by field: a field the answer leaves out or gives in a wrong form (a
 * visit date that is not {@code YYYY-MM-DD[THH:MM]}, an address without a house, a town nobody knows)
 * takes the rules' value; a field the model answers null stays null. A failure of the whole exchange —
 * timeout, HTTP error, an answer that is not a JSON object — is an IOException, and the caller keeps
 * the rules' draft.
 */
@Singleton
class LlmDraftClient {
    private static final String PROMPT = """
            Ты помогаешь оператору сервиса ремонта техники. По расшифровке звонка верни JSON по схеме: для полей \
            city, address, equipmentType, problem, visitDate, clientName — объект {"value","evidence"} или null, если \
            в звонке этого нет (evidence — слова из расшифровки); summary (1–2 предложения по-русски), sentiment. \
            address в виде «ул. Садовая, д. 12, кв. 5»; visitDate в виде YYYY-MM-DDTHH:MM (или YYYY-MM-DD без \
            времени), считая от времени звонка %s; clientName — имя звонящего, не оператора; city — город визита, \
            город звонка: %s. При ошибочном звонке все поля null.""";
    private static final Pattern VISIT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?");
    private static final Pattern HOUSE = Pattern.compile("(?U)д\\.\\s*\\d");
    private static final Pattern NAME = Pattern.compile("(?U)\\p{L}+(?:[ -]\\p{L}+){0,2}");
    static final Map<String, Object> SCHEMA = schema();

    private final ChatCompletions llm;
    private final ObjectMapper json;

    LlmDraftClient(ChatCompletions llm, ObjectMapper json) {
        this.llm = llm;
        this.json = json;
    }

    /** The model's draft, each field it got wrong or left out replaced by the rules' ({@code rules}). */
    OrderDraft draft(String text, String city, LocalDateTime callTime, OrderDraft rules, Towns towns)
            throws IOException, InterruptedException {
        String content = llm.completeJson(PROMPT.formatted(callTime, city == null ? "не известен" : city), text, "order_draft", SCHEMA);
        JsonNode d = json.readValue(content, JsonNode.class);
        if (d == null || !d.isObject()) {
            throw new IOException("the language model's draft is not a JSON object");
        }
        List<String> fromRules = new ArrayList<>();
        DraftField cityField = field(d, "city", v -> towns.canonical(v) != null, rules.city(), fromRules);
        if (cityField != null && towns.canonical(cityField.value()) != null) {
            cityField = new DraftField(towns.canonical(cityField.value()), cityField.evidence());
        }
        DraftField address = field(d, "address", v -> HOUSE.matcher(v).find(), rules.address(), fromRules);
        DraftField equipment = field(d, "equipmentType", v -> v.length() <= 60, rules.equipmentType(), fromRules);
        DraftField problem = field(d, "problem", v -> v.length() <= 300, rules.problem(), fromRules);
        DraftField visit = field(d, "visitDate", v -> VISIT.matcher(v).matches(), rules.visitDate(), fromRules);
        DraftField name = field(d, "clientName", v -> NAME.matcher(v).matches(), rules.clientName(), fromRules);
        String summary = text(d, "summary");
        String sentiment = text(d, "sentiment");
        boolean sentimentKnown = sentiment != null && List.of("positive", "neutral", "negative").contains(sentiment);
        String generator = "llm:" + llm.model() + (fromRules.isEmpty() ? "" : "; rules: " + String.join(",", fromRules));
        return new OrderDraft(cityField, address, equipment, problem, visit, name, summary == null ? rules.summary() : summary,
                sentimentKnown ? sentiment : rules.sentiment(), generator, true);
    }

    /** The model's field when present and well formed; null when it answered null; else the rules' field. */
    private static DraftField field(JsonNode d, String name, Predicate<String> wellFormed, DraftField rules, List<String> fromRules) {
        JsonNode f = d.get(name);
        if (f != null && f.isNull()) {
            return null;
        }
        JsonNode value = f == null || !f.isObject() ? null : f.get("value");
        if (value != null && value.isNull()) {
            return null;
        }
        if (value == null || !value.isString() || value.getStringValue().isBlank() || !wellFormed.test(value.getStringValue().trim())) {
            fromRules.add(name);
            return rules;
        }
        JsonNode evidence = f.get("evidence");
        return new DraftField(value.getStringValue().trim(), evidence == null || evidence.isNull() ? null : evidence.coerceStringValue());
    }

    private static String text(JsonNode d, String name) {
        JsonNode f = d.get(name);
        return f == null || f.isNull() || !f.isString() ? null : f.getStringValue();
    }

    private static Map<String, Object> schema() {
        Map<String, Object> field = Map.of("type", List.of("object", "null"), "additionalProperties", false,
                "required", List.of("value", "evidence"),
                "properties", Map.of("value", Map.of("type", "string"), "evidence", Map.of("type", "string")));
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String f : List.of("city", "address", "equipmentType", "problem", "visitDate", "clientName")) {
            properties.put(f, field);
        }
        properties.put("summary", Map.of("type", "string"));
        properties.put("sentiment", Map.of("type", "string", "enum", List.of("positive", "neutral", "negative")));
        return Map.of("type", "object", "additionalProperties", false, "required", List.copyOf(properties.keySet()),
                "properties", properties);
    }
}

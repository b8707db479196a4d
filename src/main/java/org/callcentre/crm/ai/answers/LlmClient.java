package org.callcentre.crm.ai.answers;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.callcentre.crm.ai.llm.ChatCompletions;
import org.callcentre.crm.knowledge.Candidate;
import org.callcentre.crm.knowledge.KnowledgeIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * An OpenAI-compatible chat-completions server ({@code crm.ai.llm.url}, e.g. {@code http://host/v1}).
 * It may choose which retrieved entry answers a question, or hand it to a person, and it words the
 * answer from the chosen entry. It only ever sees questions no hand-off rule caught, and only the
 * entries retrieval offered; on any failure, a malformed choice or after {@code crm.ai.llm.timeout}
 * the retrieval's own decision and the entry's own text stand.
 */
@Singleton
public class LlmClient {
    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);
    private static final int CHOICES = 5;
    private static final String INSTRUCTIONS = "Ты оператор сервиса и отвечаешь клиенту в чате. "
            + "Отвечай коротко, вежливо, по-русски и только тем, что сказано в справке ниже. "
            + "Ничего не придумывай: ни цен, ни сроков, ни обещаний, которых нет в справке.";
    private static final String CHOOSE = "Ты решаешь, какая статья базы знаний отвечает на сообщение клиента из чата. "
            + "Выбери номер статьи, которая прямо отвечает на вопрос, или \"handoff\", если ни одна не отвечает, если клиент "
            + "жалуется, спорит о цене, требует деньги назад, угрожает, присылает или просит личные данные, спрашивает о своём "
            + "заказе или цене одной детали, просит услугу, которой нет в статьях, или зовёт человека. "
            + "Ответь только JSON по схеме {\"choice\": <номер статьи> | \"handoff\"}.";

    private final ChatCompletions llm;
    private final ObjectMapper json;

    public LlmClient(ChatCompletions llm, ObjectMapper json) {
        this.llm = llm;
        this.json = json;
    }

    public boolean configured() {
        return llm.configured();
    }

    /**
     * The model's choice among the entries retrieval offers for {@code question} (never-alone
     * categories left out): an answer from the chosen entry ({@code llm_choice}) or a hand-off
     * ({@code llm_handoff}); {@code fallback} when the model fails or answers outside the schema.
     */
    AnswerDecision choose(KnowledgeIndex index, String question, String city, AnswerDecision fallback, AnswerPolicy policy) {
        List<Candidate> offered = index.search(question, city, CHOICES).stream()
                .filter(c -> !policy.personMustAnswerCategory(c.category())).toList();
        if (offered.isEmpty()) {
            return fallback;
        }
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < offered.size(); i++) {
            entries.append(i + 1).append(". ").append(offered.get(i).title()).append(": ").append(offered.get(i).answer()).append('\n');
        }
        Optional<String> reply = complete(CHOOSE + "\n\nСтатьи:\n" + entries, question, true);
        if (reply.isEmpty()) {
            return fallback;
        }
        try {
            JsonNode choice = json.readValue(reply.get(), JsonNode.class).get("choice");
            if (choice != null && choice.isString() && "handoff".equals(choice.getStringValue())) {
                return AnswerDecision.handoff(AnswerDecision.LLM_HANDOFF, fallback.confidence(), fallback.sources());
            }
            if (choice != null && choice.isNumber() && choice.getNumberValue().doubleValue() % 1 == 0) {
                int n = choice.getIntValue();
                if (n >= 1 && n <= offered.size()) {
                    Candidate chosen = offered.get(n - 1);
                    return new AnswerDecision(chosen.answer(), chosen.title(), Math.round(chosen.confidence() * 1000) / 1000.0,
                            false, AnswerDecision.LLM_CHOICE, fallback.sources(), chosen.entryId(), false,
                            chosen.title() + ": " + chosen.answer());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Language model's choice is not JSON of the schema ({}); retrieval decides", e.getMessage());
            return fallback;
        }
        LOG.warn("Language model's choice {} is outside the schema; retrieval decides", reply.get());
        return fallback;
    }

    /** The model's answer to {@code question} from {@code reference}, or empty when it failed or took too long. */
    public Optional<String> answer(String question, String reference) {
        return complete(INSTRUCTIONS + "\n\nСправка:\n" + reference, question, false);
    }

    private Optional<String> complete(String system, String user, boolean jsonObject) {
        if (!configured()) {
            return Optional.empty();
        }
        try {
            return Optional.of(llm.complete(system, user, jsonObject));
        } catch (IOException e) {
            LOG.warn("Language model failed ({}); the offline decision stands", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

}

package org.callcentre.crm.ai.answers;

import jakarta.inject.Singleton;
import org.callcentre.crm.ai.llm.ChatCompletions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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

    private final ChatCompletions llm;

    public LlmClient(ChatCompletions llm) {
        this.llm = llm;
    }

    public boolean configured() {
        return llm.configured();
    }

    /** The model's answer to {@code question} from {@code reference}, or empty when it failed or took too long. */
    public Optional<String> answer(String question, String reference) {
        if (!configured()) {
            return Optional.empty();
        }
        try {
            return Optional.of(llm.complete(INSTRUCTIONS + "\n\nСправка:\n" + reference, question, false));
        } catch (IOException e) {
            LOG.warn("Language model failed ({}); the entry's own answer is sent", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

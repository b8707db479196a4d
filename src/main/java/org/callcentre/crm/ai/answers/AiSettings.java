package org.callcentre.crm.ai.answers;

import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;

/**
 * {@code crm.ai.*}: the confidence an answer needs, the categories and keywords a person must
 * handle, the holding message, and how long a chat may wait before the AI answers anyway (the
 * optional language model is {@code ai.llm.LlmSettings}).
 */
public record AiSettings(double threshold, List<String> neverAloneCategories, List<String> neverAloneKeywords,
                         String holdingMessage, Duration replyWait) {

    static AiSettings from(Environment env) {
        return new AiSettings(
                env.getProperty("crm.ai.threshold", Double.class).orElse(0.5),
                env.getProperty("crm.ai.never-alone.categories", Argument.listOf(String.class)).orElse(List.of()),
                env.getProperty("crm.ai.never-alone.keywords", Argument.listOf(String.class)).orElse(List.of()),
                env.getProperty("crm.ai.holding-message", String.class).orElse(""),
                env.getProperty("crm.ai.reply-wait", Duration.class).orElse(Duration.ofMinutes(5)));
    }

    public AnswerPolicy policy() {
        return new AnswerPolicy(threshold, neverAloneCategories, neverAloneKeywords);
    }

    @io.micronaut.context.annotation.Factory
    static class Beans {
        @Singleton
        AiSettings aiSettings(Environment env) {
            return AiSettings.from(env);
        }
    }
}

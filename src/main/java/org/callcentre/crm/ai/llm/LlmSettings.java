package org.callcentre.crm.ai.llm;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** {@code crm.ai.llm.*}: an OpenAI-compatible chat-completions server; without a url the rules alone make drafts. */
@ConfigurationProperties("crm.ai.llm")
public record LlmSettings(@Nullable String url, @Nullable String apiKey,
                          @Bindable(defaultValue = "gpt-4o-mini") String model,
                          @Bindable(defaultValue = "10s") Duration timeout) {

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}

package org.callcentre.crm.ai.drafts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.callcentre.crm.ai.llm.LlmSettings;
import org.callcentre.crm.shared.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes order drafts: with the LLM when one is configured and answers in time, otherwise (and as
 * its fallback) with the offline rules. The cities known are the CRM's own plus {@code crm.ai.cities}.
 */
@Singleton
public class OrderDrafts {
    private static final Logger LOG = LoggerFactory.getLogger(OrderDrafts.class);

    private final Db db;
    private final LlmSettings llmSettings;
    private final LlmDraftClient llm;
    private final List<String> configuredCities;

    public OrderDrafts(Db db, LlmSettings llmSettings, LlmDraftClient llm, @Value("${crm.ai.cities:}") List<String> configuredCities) {
        this.db = db;
        this.llmSettings = llmSettings;
        this.llm = llm;
        this.configuredCities = configuredCities;
    }

    public OrderDraft draft(String text, String city, LocalDateTime callTime) {
        if (llmSettings.configured()) {
            try {
                return llm.draft(text, city, callTime);
            } catch (IOException | RuntimeException e) {
                LOG.warn("LLM draft failed, using the rules: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new OrderDraftRules(cities()).draft(text, city, callTime);
    }

    private List<String> cities() {
        Set<String> names = new LinkedHashSet<>(db.query("SELECT name FROM cities ORDER BY id", rs -> rs.getString(1)));
        configuredCities.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        return List.copyOf(names);
    }
}

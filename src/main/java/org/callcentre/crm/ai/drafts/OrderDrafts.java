package org.callcentre.crm.ai.drafts;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.callcentre.crm.language.Towns;
import org.callcentre.crm.ai.llm.LlmSettings;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.shared.Db;
import org.callcentre.crm.shared.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes order drafts: with the LLM when one is configured and answers in time, each field it gets
 * wrong taking the offline rules' value; otherwise (and when the exchange fails) with the rules alone. The towns known are the shipped Russian list, the CRM's own
 * cities and {@code crm.ai.cities}. {@link #draft(OrderDraftRequest)} is the whole path of
 * {@code POST /api/ai/order-draft}; the {@code eval-drafts} command runs it without a database.
 */
@Singleton
public class OrderDrafts {
    private static final Logger LOG = LoggerFactory.getLogger(OrderDrafts.class);
    private static final int MAX_TEXT = 50_000;

    private final Supplier<List<String>> crmCities;
    private final LlmSettings llmSettings;
    private final LlmDraftClient llm;
    private final List<String> configuredCities;
    private final ZoneId defaultZone;

    @Inject
    public OrderDrafts(Db db, LlmSettings llmSettings, LlmDraftClient llm, @Value("${crm.ai.cities:}") List<String> configuredCities,
                       @Value("${crm.default-timezone:Europe/Moscow}") String defaultZone) {
        this(() -> db.query("SELECT name FROM cities ORDER BY id", rs -> rs.getString(1)), llmSettings, llm, configuredCities,
                ZoneId.of(defaultZone));
    }

    private OrderDrafts(Supplier<List<String>> crmCities, LlmSettings llmSettings, LlmDraftClient llm, List<String> configuredCities,
                        ZoneId defaultZone) {
        this.crmCities = crmCities;
        this.llmSettings = llmSettings;
        this.llm = llm;
        this.configuredCities = configuredCities;
        this.defaultZone = defaultZone;
    }

    /** The rules alone, with no database and no language model, knowing these cities besides the shipped towns. */
    static OrderDrafts offline(List<String> cities, ZoneId defaultZone) {
        return new OrderDrafts(List::of, new LlmSettings(null, null, "none", java.time.Duration.ZERO), null, cities, defaultZone);
    }

    /** A request as the API takes it: every bad field named in one 400, nothing else done. */
    public OrderDraft draft(OrderDraftRequest request) {
        Fields f = new Fields();
        Towns towns = towns();
        String text = f.required("text", request.text(), MAX_TEXT);
        String city = request.city() == null || request.city().isBlank() ? null : f.attempt("city", () -> {
            String known = towns.canonical(request.city());
            if (known == null) {
                throw ApiException.badField("city", "unknown city '" + request.city().trim() + "'");
            }
            return known;
        });
        LocalDateTime callTime = request.callTime() == null ? LocalDateTime.now(defaultZone)
                : f.attempt("callTime", () -> parseCallTime(request.callTime()));
        f.throwIfAny();
        return draft(text, city, callTime, towns);
    }

    /** A transcript stored for a call of {@code city} (one of the CRM's), made at {@code callTime} local time. */
    public OrderDraft draft(String text, String city, LocalDateTime callTime) {
        return draft(text, city, callTime, towns());
    }

    private OrderDraft draft(String text, String city, LocalDateTime callTime, Towns towns) {
        OrderDraft rules = new OrderDraftRules(towns).draft(text, city, callTime);
        if (llm != null && llmSettings.configured()) {
            try {
                return llm.draft(text, city, callTime, rules, towns);
            } catch (IOException | RuntimeException e) {
                LOG.warn("LLM draft failed, using the rules: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rules;
    }

    private static LocalDateTime parseCallTime(String value) {
        try {
            return OffsetDateTime.parse(value.trim()).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw ApiException.badField("callTime", "must be an ISO date-time with offset, e.g. 2026-03-10T11:20:00+03:00");
        }
    }

    private Towns towns() {
        Set<String> names = new LinkedHashSet<>(crmCities.get());
        configuredCities.stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(names::add);
        return Towns.russianAnd(names);
    }
}

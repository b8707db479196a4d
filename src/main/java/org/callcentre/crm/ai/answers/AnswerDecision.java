package org.callcentre.crm.ai.answers;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What the AI does with one question: send {@code answer} (from the entry {@code title}), or hand
 * the chat to a person ({@code handoff}, answer and title null). {@code reason} says which rule
 * decided: answered, low_confidence, no_match, never_alone_category, never_alone_keyword, city_not_served
 * (the base has city entries, none for this city), not_in_city (the service asked about has entries
 * for other cities only), or the {@link HandoffIntent} found (complaint, dispute, refund, threat,
 * personal_data, own_order, exact_part_price, out_of_scope, asks_for_person, off_topic).
 * {@code reference} (not shown) is the text of the entries that reached the threshold, for the
 * language model to word the answer from.
 */
@Serdeable
public record AnswerDecision(String answer, String title, double confidence, boolean handoff, String reason,
                             List<AnswerSource> sources, @JsonIgnore Long entryId, boolean writtenByLlm,
                             @JsonIgnore String reference) {

    static final String ANSWERED = "answered";
    static final String LOW_CONFIDENCE = "low_confidence";
    static final String NO_MATCH = "no_match";
    static final String NEVER_ALONE_CATEGORY = "never_alone_category";
    static final String NEVER_ALONE_KEYWORD = "never_alone_keyword";
    static final String CITY_NOT_SERVED = "city_not_served";
    static final String NOT_IN_CITY = "not_in_city";

    static final String LLM_CHOICE = "llm_choice";
    static final String LLM_HANDOFF = "llm_handoff";

    /**
     * Whether a hand-off rule decided (an intent, a keyword, a city not served, a never-alone
     * category): such a decision is final, the language model never sees the question.
     */
    boolean guarded() {
        return handoff && !LOW_CONFIDENCE.equals(reason) && !NO_MATCH.equals(reason);
    }

    static AnswerDecision handoff(String reason, double confidence, List<AnswerSource> sources) {
        return new AnswerDecision(null, null, confidence, true, reason, sources, null, false, null);
    }

    /** The same decision with the answer worded anew (by the language model), sources kept. */
    AnswerDecision reworded(String text) {
        return new AnswerDecision(text, title, confidence, false, reason, sources, entryId, true, reference);
    }
}

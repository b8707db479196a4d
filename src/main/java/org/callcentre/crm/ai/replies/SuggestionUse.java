package org.callcentre.crm.ai.replies;

import io.micronaut.serde.annotation.Serdeable;

/** What the operator did with a suggestion: sent it as offered, or edited first; and the rating it gave the answer. */
@Serdeable
public record SuggestionUse(long answerId, long messageId, Use used, int rating) {
    public enum Use {
        accepted, edited
    }
}

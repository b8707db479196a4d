package org.callcentre.crm.ai.answers;

import io.micronaut.serde.annotation.Serdeable;

/** A knowledge-base entry an answer was drawn from, or that came close. */
@Serdeable
public record AnswerSource(long entryId, String title, String category, double confidence) {
}

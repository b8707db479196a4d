package org.callcentre.crm.ai.answers;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A stored AI answer (or hand-off) and how operators rated it. */
@Serdeable
public record AiAnswer(long id, Long conversationId, Long messageId, String question, String answer, String title,
                       double confidence, boolean handoff, String reason, List<AnswerSource> sources,
                       boolean writtenByLlm, Double averageRating, int ratings, Instant createdAt) {
}

package org.callcentre.crm.ai.handoffs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One stored hand-off: the answer's id (for adding it as a variant), the client's words, why, and where. */
@Serdeable
public record HandoffQuestion(long answerId, String question, String reason, double confidence, @Nullable String city,
                              @Nullable Long conversationId, Instant createdAt) {
}

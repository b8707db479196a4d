package org.callcentre.crm.ai.replies;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code conversationId}: the chat whose client's last question the AI answers for the operator. */
@Serdeable
public record SuggestionRequest(@Schema(type = "integer") Object conversationId) {
}

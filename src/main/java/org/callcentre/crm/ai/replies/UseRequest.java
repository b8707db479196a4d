package org.callcentre.crm.ai.replies;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code messageId}: the operator's reply sent from the suggestion. */
@Serdeable
public record UseRequest(@Schema(type = "integer") Object messageId) {
}

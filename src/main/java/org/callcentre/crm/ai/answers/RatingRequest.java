package org.callcentre.crm.ai.answers;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code rating} 1..5 (raw JSON, so "5" and 5.5 are told apart), optional comment. */
@Serdeable
public record RatingRequest(@Schema(type = "integer") Object rating, String comment) {
}

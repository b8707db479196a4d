package org.callcentre.crm.knowledge;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code source}: manual, faq, operator_reply or call_transcript; {@code entryId} raw JSON, a whole number. */
@Serdeable
public record TrainingPairRequest(String question, String answer, String source,
                                  @Schema(type = "integer") Object entryId, String city) {
}

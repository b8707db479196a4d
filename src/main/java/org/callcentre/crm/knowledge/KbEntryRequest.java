package org.callcentre.crm.knowledge;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Create and update body; on update an absent field keeps its value and an empty {@code city}
 * makes the entry one for every city. {@code questions} is raw JSON, a list of strings.
 */
@Serdeable
public record KbEntryRequest(String category, String title, @Schema(type = "array") Object questions, String answer,
                             String city) {
}

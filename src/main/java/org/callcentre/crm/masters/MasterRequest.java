package org.callcentre.crm.masters;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Create and update body; on update an absent field keeps its value, an empty {@code phone} or
 * {@code note} clears it and {@code cities} replaces the whole list. {@code cities} is raw JSON,
 * read by {@link org.callcentre.crm.shared.JsonValues}.
 */
@Serdeable
public record MasterRequest(String name, String phone,
                            @ArraySchema(schema = @Schema(type = "string", example = "Казань")) Object cities,
                            String status, String note) {
}

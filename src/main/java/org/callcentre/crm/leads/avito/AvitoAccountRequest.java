package org.callcentre.crm.leads.avito;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Create and update body; on update an absent field keeps its value. {@code clientSecret} is write-only. */
@Serdeable
public record AvitoAccountRequest(String name, String city, String rk, @Schema(type = "integer") Object avitoUserId,
                                  String clientId, String clientSecret, @Schema(type = "boolean") Object enabled) {
}

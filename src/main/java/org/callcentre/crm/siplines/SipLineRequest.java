package org.callcentre.crm.siplines;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Create and update body; on update an absent field keeps its value, and an empty {@code secret},
 * {@code username} or {@code city} clears it. {@code port} and {@code enabled} are raw JSON, read by
 * {@link org.callcentre.crm.shared.JsonValues}.
 */
@Serdeable
public record SipLineRequest(String name, String host, @Schema(type = "integer") Object port, String transport,
                             String username, String secret, String city, @Schema(type = "boolean") Object enabled) {
}

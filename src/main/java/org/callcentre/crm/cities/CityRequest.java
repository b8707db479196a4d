package org.callcentre.crm.cities;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Create and update body; on update an absent field keeps its value. Working hours arrive as raw
 * JSON so that a malformed week is a 400 naming {@code workingHours}, not an unreadable body. The
 * chat SLA targets are seconds of working time; 0 removes a target.
 */
@Serdeable
public record CityRequest(String name, String timezone, Object workingHours, Integer chatFirstResponseSeconds,
                          Integer chatResolutionSeconds) {
}

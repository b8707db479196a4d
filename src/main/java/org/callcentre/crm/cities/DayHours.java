package org.callcentre.crm.cities;

import io.micronaut.serde.annotation.Serdeable;

/** When a city takes orders on one weekday, as {@code HH:mm} local times of the city's zone. */
@Serdeable
public record DayHours(String from, String to) {
}

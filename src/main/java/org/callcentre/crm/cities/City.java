package org.callcentre.crm.cities;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

@Serdeable
public record City(long id, String name, String timezone, Map<String, DayHours> workingHours,
                   Instant createdAt, Instant updatedAt) {
}

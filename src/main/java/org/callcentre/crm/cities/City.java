package org.callcentre.crm.cities;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A city: its zone, its working week, and its chat SLA — how long a chat handed to people may wait
 * for the first operator reply and for being closed, in working time (null: no target).
 */
@Serdeable
public record City(long id, String name, String timezone, Map<String, DayHours> workingHours,
                   Integer chatFirstResponseSeconds, Integer chatResolutionSeconds, Instant createdAt, Instant updatedAt) {

    public Optional<Duration> chatFirstResponseTarget() {
        return Optional.ofNullable(chatFirstResponseSeconds).map(Duration::ofSeconds);
    }

    public Optional<Duration> chatResolutionTarget() {
        return Optional.ofNullable(chatResolutionSeconds).map(Duration::ofSeconds);
    }
}

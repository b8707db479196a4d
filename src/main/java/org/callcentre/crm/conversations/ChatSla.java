package org.callcentre.crm.conversations;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The chat's SLA clocks since it was last handed to people ({@code waitingSince}; null: never): the
 * deadlines the city's targets and working hours gave then (null: no target), when the first operator
 * reply and the close came, and whether either deadline was missed.
 */
@Serdeable
public record ChatSla(Instant waitingSince, Instant firstResponseDue, Instant firstResponseAt, boolean firstResponseBreached,
                      Instant resolutionDue, Instant resolvedAt, boolean resolutionBreached) {

    /** An episode runs from the hand-over until the chat is closed. */
    boolean running() {
        return waitingSince != null && resolvedAt == null;
    }
}

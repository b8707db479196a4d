package org.callcentre.crm.clients;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The short form of a call shown on a client card. */
@Serdeable
public record ClientCall(long id, Instant createdAt, String direction, String status, Long operatorId,
                         @Nullable Integer talkSeconds) {
}

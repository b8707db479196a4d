package org.callcentre.crm.clients;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record ClientNote(long id, String text, Long operatorId, String authorLogin, Instant createdAt) {
}

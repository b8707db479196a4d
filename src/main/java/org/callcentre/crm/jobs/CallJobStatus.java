package org.callcentre.crm.jobs;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** What a call's background job is doing, as operators see it: queued, running, done, or failed with the reason. */
@Serdeable
public record CallJobStatus(String kind, String status, int attempts, Instant runAfter, String lastError, Instant updatedAt) {
}

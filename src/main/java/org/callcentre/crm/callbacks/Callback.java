package org.callcentre.crm.callbacks;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

@Serdeable
public record Callback(long id, long clientId, String clientName, String phone, String city, Long cityId, String status,
                       int missedCount, Instant firstMissedAt, Instant lastMissedAt, Long lastCallId, String note,
                       Long operatorId, Instant closedAt, Long closedByCallId, Instant createdAt, Instant updatedAt) {

    public static final java.util.List<String> STATUSES = java.util.List.of("open", "in_progress", "done", "cancelled");

    public boolean open() {
        return "open".equals(status) || "in_progress".equals(status);
    }
}

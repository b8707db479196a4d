package org.callcentre.crm.calls;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A calls row with the names of its city, operator and client. */
@Serdeable
public record Call(long id, String source, String externalId, String rk, String city, Long cityId,
                   String clientPhone, String atsPhone, String direction, String status, String missedReason,
                   Long operatorId, String operatorName, Long clientId, String clientName, Long orderId,
                   Instant createdAt, Instant answeredAt, Instant endedAt, int waitSeconds, int holdSeconds,
                   int talkSeconds, String disconnectReason, String disposition, String note, String recordingRef) {

    public static final List<String> STATUSES = List.of("ringing", "answered", "missed", "busy", "failed");
    public static final List<String> DIRECTIONS = List.of("inbound", "outbound", "internal");
}

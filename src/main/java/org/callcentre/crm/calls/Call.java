package org.callcentre.crm.calls;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A calls row with the names of its city, operator and client, under the field names clients of
 * this kind of system already use ({@code phoneClient}, {@code phoneAts}, {@code dateCreate}).
 * Talk and hold are null when the call ended while nobody listened and no CDR told its end.
 */
@Serdeable
public record Call(long id, String source, String externalId, String rk, String city, Long cityId,
                   String phoneClient, String phoneAts, String direction, String status, String missedReason,
                   OperatorRef operator, Long operatorId, String operatorExtension, Long clientId, String clientName,
                   Long orderId, Instant dateCreate, Instant answeredAt, Instant endedAt, int waitSeconds,
                   @Nullable Integer holdSeconds, @Nullable Integer talkSeconds, String disconnectReason, String disposition, String note,
                   String recordingRef, Long dispositionId) {

    @Serdeable
    public record OperatorRef(long id, String name) {
    }

    public static final List<String> STATUSES = List.of("ringing", "answered", "missed", "busy", "failed");
    public static final List<String> DIRECTIONS = List.of("inbound", "outbound", "internal");
}

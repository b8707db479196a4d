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
                   String recordingRef, Long dispositionId, @Nullable AvitoAd avitoAd) {

    @Serdeable
    public record OperatorRef(long id, String name) {
    }

    /** The Avito ad that brought the call, when Avito's call tracking reported it (id, title and link as Avito gave them). */
    @Serdeable
    public record AvitoAd(String id, @Nullable String title, @Nullable String url) {
    }

    /** The same call with the ad that brought it, which only the call page reads. */
    public Call withAvitoAd(@Nullable AvitoAd ad) {
        return new Call(id, source, externalId, rk, city, cityId, phoneClient, phoneAts, direction, status, missedReason, operator,
                operatorId, operatorExtension, clientId, clientName, orderId, dateCreate, answeredAt, endedAt, waitSeconds, holdSeconds,
                talkSeconds, disconnectReason, disposition, note, recordingRef, dispositionId, ad);
    }

    public static final List<String> STATUSES = List.of("ringing", "answered", "missed", "busy", "failed");
    public static final List<String> DIRECTIONS = List.of("inbound", "outbound", "internal");
}

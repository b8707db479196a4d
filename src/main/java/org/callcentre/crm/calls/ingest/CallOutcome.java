package org.callcentre.crm.calls.ingest;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * What the events of one call add up to, before it is linked to operators, clients and campaigns.
 * Talk and hold are null for an answered call whose end is not known, only that it is over
 * ({@link CallEnding#LOST}): never a talk time running to the moment we found out.
 */
public record CallOutcome(
        CallDirection direction,
        CallStatus status,
        @Nullable MissedReason missedReason,
        String callerNumber,
        String calledNumber,
        String companyNumber,
        String operatorExtension,
        String queue,
        Instant createdAt,
        Instant answeredAt,
        Instant endedAt,
        int waitSeconds,
        @Nullable Integer holdSeconds,
        @Nullable Integer talkSeconds,
        String disconnectReason,
        String recordingRef) {

    public boolean ended() {
        return endedAt != null;
    }

    /** The number outside the company: the caller of an inbound call, the called party of an outbound one. */
    public String clientNumber() {
        return direction == CallDirection.OUTBOUND ? calledNumber : callerNumber;
    }
}

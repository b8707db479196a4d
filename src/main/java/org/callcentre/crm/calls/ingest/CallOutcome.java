package org.callcentre.crm.calls.ingest;

import java.time.Instant;

/** What the events of one call add up to, before it is linked to operators, clients and campaigns. */
public record CallOutcome(
        String direction,
        String status,
        String missedReason,
        String callerNumber,
        String calledNumber,
        String companyNumber,
        String operatorExtension,
        String queue,
        Instant createdAt,
        Instant answeredAt,
        Instant endedAt,
        int waitSeconds,
        int holdSeconds,
        int talkSeconds,
        String disconnectReason,
        String recordingRef) {

    public boolean ended() {
        return endedAt != null;
    }

    /** The number outside the company: the caller of an inbound call, the called party of an outbound one. */
    public String clientNumber() {
        return "outbound".equals(direction) ? calledNumber : callerNumber;
    }
}

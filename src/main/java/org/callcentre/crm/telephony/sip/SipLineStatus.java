package org.callcentre.crm.telephony.sip;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The outcome of a line's latest probe: {@code lastCode}, {@code lastReason} and {@code rttMs} are
 * those of that probe, so they are null when it got no answer, and {@code error} says why a line
 * is down (or why it could not be probed).
 */
@Serdeable
public record SipLineStatus(long lineId, SipLineState state, Integer lastCode, String lastReason, Integer rttMs,
                            Instant checkedAt, int consecutiveFailures, String error) {

    /** A line never probed. */
    static SipLineStatus unknown(long lineId) {
        return new SipLineStatus(lineId, SipLineState.unknown, null, null, null, null, 0, null);
    }
}

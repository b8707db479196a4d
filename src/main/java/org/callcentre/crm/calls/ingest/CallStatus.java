package org.callcentre.crm.calls.ingest;

import java.util.Locale;

/** Where a call stands, as its events add up. Stored in {@code calls.status} in lower case. */
public enum CallStatus {
    /** Not over yet. */
    RINGING,
    /** Someone picked up: an operator on an inbound or internal call, the client on an outbound one. */
    ANSWERED,
    /** Over, nobody picked up ({@link MissedReason} says why). */
    MISSED,
    /** The called party was busy. */
    BUSY,
    /** Congestion, a wrong number, a server failure. */
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CallStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Over, and nobody talked: what a late answer can still turn into {@link #ANSWERED}. */
    public boolean endedUnanswered() {
        return this == MISSED || this == BUSY || this == FAILED;
    }
}

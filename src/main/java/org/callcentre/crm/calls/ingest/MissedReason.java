package org.callcentre.crm.calls.ingest;

import java.util.Locale;

/** Why a {@link CallStatus#MISSED} call was missed. Stored in {@code calls.missed_reason} in lower case. */
public enum MissedReason {
    /** The caller hung up before anyone answered, without a phone ringing, or the PBX did not say. */
    ABANDONED,
    /** A phone rang until a timeout. */
    NO_ANSWER,
    /** Every operator was busy, or the queue was full or timed out. */
    ALL_BUSY,
    /** The called party declined. */
    REJECTED,
    /** The called party was unreachable. */
    UNAVAILABLE;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}

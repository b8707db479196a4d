package org.callcentre.crm.live;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.calls.TelephonyGapChanged;

import java.time.Instant;

/** {@code {"type":"telephony-gap",…}} on {@code /ws/supervisor}: a gap was found, and again once its backfill is settled. */
@Serdeable
record TelephonyGapMessage(String type, long id, Instant start, Instant end, String state, String reason,
                           Integer backfilledCalls) {

    static TelephonyGapMessage of(TelephonyGapChanged gap) {
        return new TelephonyGapMessage("telephony-gap", gap.id(), gap.start(), gap.end(), gap.state(), gap.reason(),
                gap.backfilledCalls());
    }
}

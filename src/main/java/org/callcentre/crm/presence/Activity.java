package org.callcentre.crm.presence;

import java.time.Instant;
import java.util.Objects;

/**
 * What an extension is doing on calls: {@code ringing}, {@code on_call} or {@code wrap_up}, or
 * free ({@code state} null), when the operator's chosen work status applies.
 *
 * @param since  when this began; for a free extension, when its last call activity ended (null if none)
 * @param callId the call rung, talked on, or being wrapped up
 */
record Activity(String state, Instant since, Long callId) {
    static final String RINGING = "ringing";
    static final String ON_CALL = "on_call";
    static final String WRAP_UP = "wrap_up";

    static Activity free(Instant since) {
        return new Activity(null, since, null);
    }

    boolean isFree() {
        return state == null;
    }

    /** Same state about the same call: nothing a supervisor needs to hear again. */
    boolean sameAs(Activity other) {
        return other != null && Objects.equals(state, other.state) && Objects.equals(callId, other.callId);
    }
}

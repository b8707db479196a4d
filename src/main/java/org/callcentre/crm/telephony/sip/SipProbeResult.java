package org.callcentre.crm.telephony.sip;

import java.util.Set;

/**
 * What one OPTIONS probe found. Any final answer means the peer is alive and speaks SIP, so it is
 * {@code up} even when it refuses OPTIONS (401, 403, 404, 405: many registrars want authentication
 * first), except 408, 503 and 504: a proxy sends those when it cannot reach whatever stands behind
 * it, so the line cannot take calls. No answer at all, or a refused connection, is {@code down}.
 */
record SipProbeResult(SipLineState state, Integer code, String reason, Integer rttMs, String error) {
    private static final Set<Integer> CANNOT_TAKE_CALLS = Set.of(408, 503, 504);

    static SipProbeResult answered(int code, String reason, int rttMs) {
        if (CANNOT_TAKE_CALLS.contains(code)) {
            return new SipProbeResult(SipLineState.down, code, reason, rttMs, "answered " + code + " " + reason);
        }
        return new SipProbeResult(SipLineState.up, code, reason, rttMs, null);
    }

    static SipProbeResult unanswered(String error) {
        return new SipProbeResult(SipLineState.down, null, null, null, error);
    }

    /** The line could not be probed at all, which says nothing about whether it works. */
    static SipProbeResult notProbed(String why) {
        return new SipProbeResult(SipLineState.unknown, null, null, null, why);
    }
}

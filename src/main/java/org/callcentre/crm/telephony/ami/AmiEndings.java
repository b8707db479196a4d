package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.calls.ingest.CallEnding;

/**
 * Why a leg ended, from a Hangup's Q.850 {@code Cause} or a DialEnd's {@code DialStatus}.
 *
 * <p>Normal clearing (16), "answered elsewhere" (26) and an unknown cause (0) say nothing is
 * wrong, so they give no ending at all: the call timeline keeps the last ending it was told, and
 * the hang-ups that follow a busy or unanswered dial must not paper over that reason.
 */
final class AmiEndings {
    private AmiEndings() {
    }

    static CallEnding ofHangupCause(Integer cause) {
        if (cause == null) {
            return null;
        }
        return switch (cause) {
            case 17 -> CallEnding.BUSY;
            case 18, 19 -> CallEnding.NO_ANSWER;
            case 21 -> CallEnding.REJECTED;
            case 20 -> CallEnding.UNAVAILABLE;
            // unallocated, no route, number changed, out of order, invalid format
            case 1, 2, 3, 22, 27, 28 -> CallEnding.FAILED;
            // 34..47 no circuit, network out of order, temporary failure, congestion; 50+ service and protocol errors
            default -> cause >= 34 ? CallEnding.FAILED : null;
        };
    }

    /** @param toOperator whether an operator's phone was dialled (else an outside number) */
    static CallEnding ofDialStatus(String status, boolean toOperator) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "BUSY" -> CallEnding.BUSY;
            case "NOANSWER" -> CallEnding.NO_ANSWER;
            // the dialling side gave up: the caller hung up while it rang
            case "CANCEL" -> CallEnding.CALLER_ABANDONED;
            case "CONGESTION" -> CallEnding.FAILED;
            // an operator's phone that is not registered is unavailable; a trunk that cannot place the call failed
            case "CHANUNAVAIL" -> toOperator ? CallEnding.UNAVAILABLE : CallEnding.FAILED;
            default -> null;
        };
    }
}

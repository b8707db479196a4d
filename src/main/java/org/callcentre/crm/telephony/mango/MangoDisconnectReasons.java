package org.callcentre.crm.telephony.mango;

import org.callcentre.crm.calls.ingest.CallEnding;

/** Mango's {@code disconnect_reason} codes in the domain's words (codes from Mango's API guide). */
final class MangoDisconnectReasons {
    private MangoDisconnectReasons() {
    }

    static CallEnding ending(long code) {
        if (code == 0) {
            return null;
        }
        if (code == 1110) {
            return CallEnding.CALLER_ABANDONED;
        }
        if (code == 1111) {
            return CallEnding.NO_ANSWER;
        }
        if (code == 1121) {
            return CallEnding.BUSY;
        }
        if (code == 1122) {
            return CallEnding.REJECTED;
        }
        if (code == 1123 || code == 1131) {
            return CallEnding.UNAVAILABLE;
        }
        if (code == 1160 || code == 1162 || code == 1163 || code == 1164) {
            return CallEnding.ALL_BUSY;
        }
        if (code >= 1100 && code < 1200) {
            return CallEnding.NORMAL;
        }
        return CallEnding.FAILED;
    }
}

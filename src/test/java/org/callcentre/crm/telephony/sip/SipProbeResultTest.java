package org.callcentre.crm.telephony.sip;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SipProbeResultTest {

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 302, 401, 403, 404, 405, 407, 420, 480, 486, 500, 501, 600, 603})
    void anyAnswerFromALiveServerIsUp(int code) {
        SipProbeResult result = SipProbeResult.answered(code, "Some Reason", 12);
        assertEquals(SipLineState.up, result.state());
        assertEquals(code, result.code());
        assertEquals(12, result.rttMs());
        assertNull(result.error());
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 503, 504})
    void answersThatSayTheTrunkCannotTakeCallsAreDown(int code) {
        SipProbeResult result = SipProbeResult.answered(code, "Service Unavailable", 3);
        assertEquals(SipLineState.down, result.state());
        assertEquals(code, result.code());
        assertEquals("answered " + code + " Service Unavailable", result.error());
    }
}

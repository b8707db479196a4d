package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.calls.ingest.MissedReason;
import org.callcentre.crm.calls.ingest.CallStatus;
import org.callcentre.crm.calls.ingest.CallDirection;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallOutcome;
import org.callcentre.crm.calls.ingest.CallTimeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CDR rows of calls AMI never heard, as the call rows they make. */
class CdrCallTranslatorTest {
    static final Instant T = Instant.parse("2025-03-01T09:00:00Z");
    static final String TRUNK = "PJSIP/kzn-trunk-00000010";
    static final String CLIENT = "79161234567";
    static final String DID = "78432507713";

    final CdrCallTranslator translator = new CdrCallTranslator(List.of("from-trunk"));

    @Test
    void aQueueCallOneOperatorMissedAndAnotherAnsweredIsAnsweredByTheSecondWithTheWaitBeforeTheAnswer() {
        CallOutcome call = outcome(
                inbound("PJSIP/101-00000011", 15, 0, "NO ANSWER"),
                inbound("PJSIP/102-00000012", 45, 30, "ANSWERED"));

        assertEquals(CallStatus.ANSWERED, call.status());
        assertEquals(CallDirection.INBOUND, call.direction());
        assertEquals("102", call.operatorExtension());
        assertEquals(CLIENT, call.callerNumber());
        assertEquals(DID, call.companyNumber());
        assertEquals("kazan", call.queue());
        assertEquals(15, call.waitSeconds());
        assertEquals(30, call.talkSeconds());
        assertEquals(T, call.createdAt());
        assertEquals(T.plusSeconds(15), call.answeredAt());
        assertEquals(T.plusSeconds(45), call.endedAt());
    }

    @Test
    void aOneRowCallWaitsDurationMinusBillsecAndTalksBillsec() {
        CallOutcome call = outcome(inbound("PJSIP/101-00000011", 50, 38, "ANSWERED"));
        assertEquals(12, call.waitSeconds());
        assertEquals(38, call.talkSeconds());
        assertEquals("101", call.operatorExtension());
    }

    @Test
    void aCallerWhoHungUpInTheQueueBeforeAnyPhoneRangAbandoned() {
        // The queue answers the caller to play music: ANSWERED, but with nobody to talk to.
        CallOutcome call = outcome(inbound("", 40, 38, "ANSWERED"));
        assertEquals(CallStatus.MISSED, call.status());
        assertEquals(MissedReason.ABANDONED, call.missedReason());
        assertEquals(40, call.waitSeconds());
        assertEquals(0, call.talkSeconds());
        assertNull(call.operatorExtension());
    }

    @Test
    void anInboundCallThatRangAPhoneNobodyPickedUpIsMissedForNoAnswerWithThatOperator() {
        CallOutcome call = outcome(inbound("PJSIP/103-00000011", 25, 0, "NO ANSWER"));
        assertEquals(CallStatus.MISSED, call.status());
        assertEquals(MissedReason.NO_ANSWER, call.missedReason());
        assertEquals("103", call.operatorExtension());
        assertEquals(25, call.waitSeconds());
    }

    @Test
    void anOutboundCallToABusyNumberIsBusyAndTheDiallingOperatorsCall() {
        CallOutcome call = outcome(outbound(4, 0, "BUSY"));
        assertEquals(CallStatus.BUSY, call.status());
        assertEquals(CallDirection.OUTBOUND, call.direction());
        assertEquals("101", call.operatorExtension());
        assertEquals(CLIENT, call.calledNumber());
    }

    @Test
    void anOutboundCallTheClientAnsweredIsTheDiallingOperatorsAnsweredCall() {
        CallOutcome call = outcome(outbound(70, 61, "ANSWERED"));
        assertEquals(CallStatus.ANSWERED, call.status());
        assertEquals("101", call.operatorExtension());
        assertEquals(9, call.waitSeconds());
        assertEquals(61, call.talkSeconds());
    }

    @Test
    void anOutboundCallNobodyAnsweredIsMissedForNoAnswerAndAFailedOneFailed() {
        CallOutcome unanswered = outcome(outbound(30, 0, "NO ANSWER"));
        assertEquals(CallStatus.MISSED, unanswered.status());
        assertEquals(MissedReason.NO_ANSWER, unanswered.missedReason());
        assertEquals(CallStatus.FAILED, outcome(outbound(0, 0, "FAILED")).status());
        assertEquals(CallStatus.FAILED, outcome(outbound(0, 0, "CONGESTION")).status());
    }

    @Test
    void rowsAreGroupedByLinkedidOrWithoutOneByUniqueid() {
        CdrRow leg = inbound("PJSIP/101-00000011", 15, 0, "NO ANSWER");
        CdrRow other = new CdrRow(T.plusSeconds(1), "79990001122", DID, "from-trunk", TRUNK, "", "Queue", "kazan", 5, 0, "NO ANSWER",
                "1740900001.20", null);
        Map<String, List<CdrRow>> calls = CdrCallTranslator.byCall(List.of(other, leg, inbound("PJSIP/102-00000012", 45, 30, "ANSWERED")));
        assertEquals(List.of("1740900000.10", "1740900001.20"), List.copyOf(calls.keySet()));
        assertEquals(2, calls.get("1740900000.10").size());
    }

    @Test
    void eventIdsNameTheCdrRowAndComeOutTheSameEachTime() {
        List<CdrRow> rows = List.of(inbound("PJSIP/101-00000011", 15, 0, "NO ANSWER"), inbound("PJSIP/102-00000012", 45, 30, "ANSWERED"));
        List<CallEvent> first = translator.events("1740900000.10", rows);
        assertEquals(first, translator.events("1740900000.10", List.of(rows.get(1), rows.get(0))));
        assertTrue(first.stream().allMatch(e -> e.eventId().startsWith("cdr:1740900000.10:") && e.source().equals("ami")
                && e.callKey().equals("1740900000.10")), first.toString());
        assertEquals(first.size(), first.stream().map(CallEvent::eventId).distinct().count(), "ids are unique");
    }

    private CallOutcome outcome(CdrRow... rows) {
        return CallTimeline.fold(translator.events(rows[0].callKey(), List.of(rows)));
    }

    private static CdrRow inbound(String operatorChannel, long duration, long billsec, String disposition) {
        return new CdrRow(T, CLIENT, DID, "from-trunk", TRUNK, operatorChannel, "Queue", "kazan,t,,,300", duration, billsec, disposition,
                "1740900000.10", "1740900000.10");
    }

    private static CdrRow outbound(long duration, long billsec, String disposition) {
        return new CdrRow(T, "101", CLIENT, "from-internal", "PJSIP/101-00000020", "PJSIP/kzn-trunk-00000021", "Dial",
                "PJSIP/" + CLIENT + "@kzn-trunk,60", duration, billsec, disposition, "1740900002.30", "1740900002.30");
    }
}

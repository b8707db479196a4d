package org.callcentre.crm.calls.ingest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CallTimelineTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private int ids;

    private CallEvent.Builder at(int second, CallEventKind kind) {
        return CallEvent.builder("mango", "entry-1", "e" + (ids++), T0.plusSeconds(second), kind);
    }

    private List<CallEvent> answeredQueueCall() {
        return List.of(
                at(0, CallEventKind.STARTED).leg("a").direction(CallDirection.INBOUND).caller("+79161234567").companyNumber("+78432507713").build(),
                at(5, CallEventKind.RINGING).leg("b").extension("101").build(),
                at(12, CallEventKind.ANSWERED).leg("b").extension("101").build(),
                at(30, CallEventKind.HELD).leg("b").build(),
                at(40, CallEventKind.RESUMED).leg("b").build(),
                at(72, CallEventKind.ENDED).leg("b").ending(CallEnding.NORMAL).build(),
                at(72, CallEventKind.ENDED).leg("a").ending(CallEnding.NORMAL).build());
    }

    @Test
    void aCallWhoseLegsWereFoundGoneHasNoTalkOrHoldUntilItsRealEndIsKnown() {
        List<CallEvent> heard = answeredQueueCall().subList(0, 5);
        List<CallEvent> found = new ArrayList<>(heard);
        // found gone a day later, at the reconnect
        found.add(at(86_400, CallEventKind.ENDED).leg("b").ending(CallEnding.LOST).build());
        found.add(at(86_400, CallEventKind.ENDED).leg("a").ending(CallEnding.LOST).build());
        CallOutcome lost = CallTimeline.fold(found);
        assertEquals(CallStatus.ANSWERED, lost.status());
        assertEquals(T0.plusSeconds(86_400), lost.endedAt(), "over, from when we found out");
        assertNull(lost.talkSeconds(), "not a day of talk");
        assertNull(lost.holdSeconds());

        found.add(at(72, CallEventKind.SUMMARY).build());
        CallOutcome completed = CallTimeline.fold(found);
        assertEquals(T0.plusSeconds(72), completed.endedAt(), "the PBX's own account of the end");
        assertEquals(50, completed.talkSeconds());
        assertEquals(10, completed.holdSeconds());

        List<CallEvent> neverAnswered = new ArrayList<>(answeredQueueCall().subList(0, 2));
        neverAnswered.add(at(86_400, CallEventKind.ENDED).leg("a").ending(CallEnding.LOST).build());
        assertEquals(0, CallTimeline.fold(neverAnswered).talkSeconds(), "nobody talked, whenever it ended");
    }

    @Test
    void answeredCallTakesWaitTalkAndHoldFromTheTimestamps() {
        CallOutcome outcome = CallTimeline.fold(answeredQueueCall());
        assertEquals(CallStatus.ANSWERED, outcome.status());
        assertEquals("101", outcome.operatorExtension());
        assertEquals(12, outcome.waitSeconds());
        assertEquals(10, outcome.holdSeconds());
        assertEquals(50, outcome.talkSeconds());
        assertEquals(T0.plusSeconds(72), outcome.endedAt());
        assertEquals("+79161234567", outcome.clientNumber());
    }

    @Test
    void shuffledAndDuplicatedEventsGiveTheSameOutcome() {
        CallOutcome expected = CallTimeline.fold(answeredQueueCall());
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<CallEvent> shuffled = new ArrayList<>(answeredQueueCall());
            shuffled.addAll(answeredQueueCall().subList(0, 3));
            Collections.shuffle(shuffled, random);
            CallOutcome outcome = CallTimeline.fold(shuffled);
            assertEquals(expected.status(), outcome.status());
            assertEquals(expected.waitSeconds(), outcome.waitSeconds());
            assertEquals(expected.talkSeconds(), outcome.talkSeconds());
            assertEquals(expected.endedAt(), outcome.endedAt());
        }
    }

    @Test
    void aCallIsOpenUntilEveryLegHasEnded() {
        List<CallEvent> events = new ArrayList<>(answeredQueueCall());
        events.remove(events.size() - 1);
        assertEquals(CallStatus.ANSWERED, CallTimeline.fold(events).status());
        assertNull(CallTimeline.fold(events).endedAt());
    }

    @Test
    void thePbxWaitWinsButTalkIsEndLessAnswerLessHoldWhenAndWhetherTheSummaryComes() {
        List<CallEvent> events = new ArrayList<>(answeredQueueCall());
        events.add(at(72, CallEventKind.SUMMARY).waitSeconds(11).build());
        CallOutcome withSummary = CallTimeline.fold(events);
        assertEquals(11, withSummary.waitSeconds());
        assertEquals(72 - 12 - 10, withSummary.talkSeconds());
        assertEquals(CallTimeline.fold(answeredQueueCall()).talkSeconds(), withSummary.talkSeconds());
    }

    @Test
    void anAnswerNamesTheOperatorWhateverPhoneJoinedTheConversationLast() {
        CallOutcome outcome = CallTimeline.fold(List.of(
                at(0, CallEventKind.STARTED).leg("a").direction(CallDirection.INTERNAL).extension("103").build(),
                at(2, CallEventKind.RINGING).leg("b").extension("101").build(),
                at(9, CallEventKind.ANSWERED).leg("b").extension("101").build(),
                at(9, CallEventKind.JOINED).leg("b").extension("101").build(),
                at(10, CallEventKind.JOINED).leg("c").extension("102").build(),
                at(60, CallEventKind.ENDED).build()));
        assertEquals("101", outcome.operatorExtension());
    }

    @Test
    void aPhoneThatJoinedWithoutAnAnswerAnsweredIt() {
        CallOutcome outcome = CallTimeline.fold(List.of(
                at(0, CallEventKind.STARTED).leg("a").direction(CallDirection.INBOUND).caller("+79161234567").build(),
                at(2, CallEventKind.RINGING).leg("b").extension("101").build(),
                at(7, CallEventKind.JOINED).leg("c").extension("102").build(),
                at(60, CallEventKind.ENDED).build()));
        assertEquals(CallStatus.ANSWERED, outcome.status());
        assertEquals("102", outcome.operatorExtension());
        assertEquals(53, outcome.talkSeconds());
    }

    @Test
    void aCallWithNoOutsidePartyAndNoToldDirectionIsInternal() {
        CallOutcome outcome = CallTimeline.fold(List.of(
                at(0, CallEventKind.STARTED).leg("a").build(),
                at(10, CallEventKind.ENDED).leg("a").build()));
        assertEquals(CallDirection.INTERNAL, outcome.direction());
        assertEquals(CallDirection.INBOUND, CallTimeline.fold(List.of(
                at(0, CallEventKind.STARTED).leg("a").caller("+79161234567").build(),
                at(10, CallEventKind.ENDED).leg("a").build())).direction());
    }

    @Test
    void callerWhoGivesUpInTheQueueIsAbandonedWithTheRungOperator() {
        CallOutcome outcome = CallTimeline.fold(List.of(
                at(0, CallEventKind.STARTED).leg("a").direction(CallDirection.INBOUND).caller("+79161234567").build(),
                at(3, CallEventKind.RINGING).leg("b").extension("102").build(),
                at(20, CallEventKind.ENDED).leg("b").ending(CallEnding.NO_ANSWER).build(),
                at(25, CallEventKind.ENDED).ending(CallEnding.CALLER_ABANDONED).waitSeconds(25).build()));
        assertEquals(CallStatus.MISSED, outcome.status());
        assertEquals(MissedReason.ABANDONED, outcome.missedReason());
        assertEquals("102", outcome.operatorExtension());
        assertEquals(25, outcome.waitSeconds());
        assertEquals(0, outcome.talkSeconds());
    }

    @Test
    void afterATransferTheLastOperatorWhoTalkedOwnsTheCall() {
        CallOutcome outcome = CallTimeline.fold(List.of(
                at(0, CallEventKind.STARTED).leg("a").caller("+79161234567").build(),
                at(2, CallEventKind.ANSWERED).leg("b").extension("101").build(),
                at(30, CallEventKind.TRANSFERRED).leg("c").extension("103").build(),
                at(35, CallEventKind.ANSWERED).leg("c").extension("103").build(),
                at(90, CallEventKind.ENDED).build()));
        assertEquals("103", outcome.operatorExtension());
        assertEquals(88, outcome.talkSeconds());
    }

    @Test
    void outboundBusyAndFailedAreTheirOwnStatuses() {
        assertEquals(CallStatus.BUSY, CallTimeline.fold(List.of(
                at(0, CallEventKind.STARTED).direction(CallDirection.OUTBOUND).extension("101").called("+79161234567").build(),
                at(4, CallEventKind.ENDED).ending(CallEnding.BUSY).build())).status());
        assertEquals(CallStatus.FAILED, CallTimeline.fold(List.of(
                at(0, CallEventKind.STARTED).direction(CallDirection.OUTBOUND).extension("101").called("+79161234567").build(),
                at(4, CallEventKind.ENDED).ending(CallEnding.FAILED).build())).status());
    }

    @Test
    void aLateRingingCannotReopenAnEndedCall() {
        List<CallEvent> events = new ArrayList<>(List.of(
                at(0, CallEventKind.STARTED).caller("+79161234567").build(),
                at(10, CallEventKind.ENDED).ending(CallEnding.CALLER_ABANDONED).build()));
        events.add(at(5, CallEventKind.RINGING).leg("late").extension("101").build());
        CallOutcome outcome = CallTimeline.fold(events);
        assertEquals(CallStatus.MISSED, outcome.status());
        assertEquals(T0.plusSeconds(10), outcome.endedAt());
    }

    @Test
    void aCallStoredOverStaysOverWhenALegItHadNotKnownArrivesLateWithItsAnswer() {
        List<CallEvent> known = List.of(
                at(0, CallEventKind.STARTED).leg("a").direction(CallDirection.INBOUND).caller("+79161234567").build(),
                at(72, CallEventKind.ENDED).leg("a").ending(CallEnding.NORMAL).build());
        Instant storedEnd = CallTimeline.fold(known).endedAt();
        assertEquals(CallStatus.MISSED, CallTimeline.fold(known).status(), "every leg known had ended, nobody answered");

        List<CallEvent> late = new ArrayList<>(known);
        late.add(at(5, CallEventKind.RINGING).leg("b").extension("101").build());
        late.add(at(12, CallEventKind.ANSWERED).leg("b").extension("101").build());
        assertNull(CallTimeline.fold(late).endedAt(), "the events alone: leg b is still open");
        CallOutcome kept = CallTimeline.fold(late, storedEnd);
        assertEquals(CallStatus.ANSWERED, kept.status(), "the late answer is learnt");
        assertEquals(T0.plusSeconds(72), kept.endedAt(), "the end stays");
        assertEquals(60, kept.talkSeconds(), "talk from the end already known");

        late.add(at(70, CallEventKind.ENDED).leg("b").ending(CallEnding.NORMAL).build());
        assertEquals(CallTimeline.fold(late), CallTimeline.fold(late, storedEnd), "once the events end the call, they alone decide");
    }
}

package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which queued events an AMI ingest thread applies ahead of the rest. */
class RingsFirstTest {
    private static int ids;

    @Test
    void aRingingCallJumpsTheQueueWithItsEarlierEventsAndLeavesItsLaterOnesInPlace() {
        CallEvent aStart = event("a", CallEventKind.STARTED, "a1", null);
        CallEvent bStart = event("b", CallEventKind.STARTED, "b1", null);
        CallEvent aAnswer = event("a", CallEventKind.ANSWERED, "a1", null);
        CallEvent bRing = event("b", CallEventKind.RINGING, "b2", "101");
        CallEvent aEnd = event("a", CallEventKind.ENDED, "a1", null);
        CallEvent bAnswer = event("b", CallEventKind.ANSWERED, "b2", "101");
        RingsFirst queued = queue(aStart, bStart, aAnswer, bRing, aEnd, bAnswer);

        assertEquals(List.of(bStart, bRing), queued.takeRinging());
        assertEquals(List.of(aStart, aAnswer, aEnd, bAnswer), queued.poll(100));
    }

    @Test
    void aRingWhoseLegEndsFurtherDownTheQueueStaysInPlace() {
        CallEvent ring = event("c", CallEventKind.RINGING, "c2", "102");
        CallEvent hangup = event("c", CallEventKind.ENDED, "c2", null);
        RingsFirst queued = queue(ring, hangup);

        assertEquals(List.of(), queued.takeRinging());
        assertEquals(List.of(ring, hangup), queued.poll(100));
    }

    @Test
    void aSecondOperatorRungAfterTheFirstGaveUpStillJumps() {
        CallEvent first = event("d", CallEventKind.RINGING, "d2", "101");
        CallEvent gaveUp = event("d", CallEventKind.ENDED, "d2", null);
        CallEvent second = event("d", CallEventKind.RINGING, "d3", "102");
        RingsFirst queued = queue(first, gaveUp, second);

        assertEquals(List.of(first, gaveUp, second), queued.takeRinging());
        assertTrue(queued.isEmpty());
    }

    @Test
    void nothingMovesAcrossAFlushMarker() {
        CallEvent start = event("e", CallEventKind.STARTED, "e1", null);
        CountDownLatch flush = new CountDownLatch(1);
        CallEvent ring = event("e", CallEventKind.RINGING, "e2", "101");
        RingsFirst queued = queue(start, flush, ring);

        assertEquals(List.of(), queued.takeRinging());
        assertEquals(3, queued.size());
        assertEquals(List.of(start), queued.poll(100), "the batch ends before the marker");
        assertEquals(1, flush.getCount());
        assertEquals(List.of(), queued.takeRinging(), "the marker still stands before the ring");
        assertEquals(List.of(ring), queued.poll(100));
        assertEquals(0, flush.getCount(), "counted down once everything before it was taken");
    }

    @Test
    void aRingAlreadyTakenFromTheHeadLeavesNothingToJump() {
        CallEvent ring = event("f", CallEventKind.RINGING, "f2", "101");
        CallEvent answer = event("f", CallEventKind.ANSWERED, "f2", "101");
        RingsFirst queued = queue(ring);

        assertEquals(List.of(ring), queued.poll(1));
        queued.add(answer);
        assertEquals(List.of(), queued.takeRinging());
        assertEquals(List.of(answer), queued.poll(100));
    }

    @Test
    void aLegThatRangAndWasAppliedDoesNotEndALaterRingOfAnotherLeg() {
        CallEvent firstRing = event("g", CallEventKind.RINGING, "g2", "101");
        CallEvent secondRing = event("g", CallEventKind.RINGING, "g3", "102");
        CallEvent secondEnds = event("g", CallEventKind.ENDED, "g3", null);
        RingsFirst queued = queue(firstRing);
        assertEquals(List.of(firstRing), queued.poll(1));
        CallEvent firstEnds = event("g", CallEventKind.ENDED, "g2", null);
        queued.add(secondRing);
        queued.add(firstEnds);

        assertEquals(List.of(secondRing), queued.takeRinging(), "the first leg's end says nothing of the second");
        queued.add(secondEnds);
        assertEquals(List.of(firstEnds, secondEnds), queued.poll(100));
    }

    private static RingsFirst queue(Object... items) {
        RingsFirst queued = new RingsFirst();
        for (Object item : items) {
            queued.add(item);
        }
        return queued;
    }

    private static CallEvent event(String call, CallEventKind kind, String leg, String extension) {
        return CallEvent.builder("ami", call, "ev-" + ids++, Instant.parse("2026-12-07T10:00:00Z"), kind)
                .leg(leg).extension(extension).build();
    }
}

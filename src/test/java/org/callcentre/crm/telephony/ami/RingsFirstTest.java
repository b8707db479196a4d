package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        Deque<Object> queued = new ArrayDeque<>(List.of(aStart, bStart, aAnswer, bRing, aEnd, bAnswer));

        assertEquals(List.of(bStart, bRing), RingsFirst.take(queued));
        assertEquals(List.of(aStart, aAnswer, aEnd, bAnswer), List.copyOf(queued));
    }

    @Test
    void aRingWhoseLegEndsFurtherDownTheQueueStaysInPlace() {
        CallEvent ring = event("c", CallEventKind.RINGING, "c2", "102");
        CallEvent hangup = event("c", CallEventKind.ENDED, "c2", null);
        Deque<Object> queued = new ArrayDeque<>(List.of(ring, hangup));

        assertEquals(List.of(), RingsFirst.take(queued));
        assertEquals(List.of(ring, hangup), List.copyOf(queued));
    }

    @Test
    void aSecondOperatorRungAfterTheFirstGaveUpStillJumps() {
        CallEvent first = event("d", CallEventKind.RINGING, "d2", "101");
        CallEvent gaveUp = event("d", CallEventKind.ENDED, "d2", null);
        CallEvent second = event("d", CallEventKind.RINGING, "d3", "102");
        Deque<Object> queued = new ArrayDeque<>(List.of(first, gaveUp, second));

        assertEquals(List.of(first, gaveUp, second), RingsFirst.take(queued));
        assertEquals(List.of(), List.copyOf(queued));
    }

    @Test
    void nothingMovesAcrossAFlushMarker() {
        CallEvent start = event("e", CallEventKind.STARTED, "e1", null);
        CountDownLatch flush = new CountDownLatch(1);
        CallEvent ring = event("e", CallEventKind.RINGING, "e2", "101");
        Deque<Object> queued = new ArrayDeque<>(List.of(start, flush, ring));

        assertEquals(List.of(), RingsFirst.take(queued));
        assertEquals(3, queued.size());
    }

    private static CallEvent event(String call, CallEventKind kind, String leg, String extension) {
        return CallEvent.builder("ami", call, "ev-" + ids++, Instant.parse("2026-12-07T10:00:00Z"), kind)
                .leg(leg).extension(extension).build();
    }
}

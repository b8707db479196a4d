package org.callcentre.crm.presence;

import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live state from leg events, whatever order they come in. */
class ExtensionActivityTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration WRAP_UP = Duration.ofSeconds(30);

    final ExtensionActivity activity = new ExtensionActivity(WRAP_UP);

    @Test
    void ringingThenAnsweredThenEndedGivesWrapUpThenFree() {
        assertEquals(Set.of("101"), activity.apply(1, List.of(leg("B1", "101", CallEventKind.RINGING)), false, T0));
        assertEquals("ringing", activity.of("101", T0).state());
        activity.apply(1, List.of(leg("B1", "101", CallEventKind.ANSWERED)), false, T0.plusSeconds(5));
        assertEquals(new Activity("on_call", T0.plusSeconds(5), 1L), activity.of("101", T0.plusSeconds(6)));
        activity.apply(1, List.of(leg("B1", "101", CallEventKind.ENDED)), false, T0.plusSeconds(60));
        assertEquals(new Activity("wrap_up", T0.plusSeconds(60), 1L), activity.of("101", T0.plusSeconds(61)));
        assertEquals(Activity.free(T0.plusSeconds(90)), activity.of("101", T0.plusSeconds(90)));
    }

    @Test
    void anEndThatArrivesBeforeTheAnswerStillOwesTheWrapUp() {
        activity.apply(1, List.of(leg("B1", "101", CallEventKind.ENDED)), false, T0);
        activity.apply(1, List.of(leg("B1", "101", CallEventKind.ANSWERED)), false, T0.plusSeconds(1));
        assertEquals("wrap_up", activity.of("101", T0.plusSeconds(2)).state());
    }

    @Test
    void aRingThatArrivesAfterItsLegEndedRingsNothing() {
        activity.apply(1, List.of(leg("B1", "101", CallEventKind.ENDED)), false, T0);
        assertEquals(Set.of(), activity.apply(1, List.of(leg("B1", "101", CallEventKind.RINGING)), false, T0.plusSeconds(1)));
        assertTrue(activity.of("101", T0.plusSeconds(1)).isFree());
    }

    @Test
    void theEndOfTheCallEndsEveryLegAndOnlyTalkersWrapUp() {
        activity.apply(1, List.of(leg("B1", "101", CallEventKind.RINGING), leg("C1", "102", CallEventKind.RINGING),
                leg("C1", "102", CallEventKind.ANSWERED)), false, T0);
        assertEquals(Set.of("101", "102"), activity.apply(1, List.of(), true, T0.plusSeconds(10)));
        assertEquals(Activity.free(T0.plusSeconds(10)), activity.of("101", T0.plusSeconds(10)));
        assertEquals("wrap_up", activity.of("102", T0.plusSeconds(10)).state());
    }

    @Test
    void aWholeCallSummaryEngagesNobody() {
        CallEvent summaryAnswer = CallEvent.builder("mango", "E1", "summary:answer", T0, CallEventKind.ANSWERED).extension("101").build();
        assertEquals(Set.of(), activity.apply(1, List.of(summaryAnswer), false, T0));
        assertNull(activity.of("101", T0).state());
    }

    @Test
    void aCallOutranksTheWrapUpOfThePreviousOne() {
        activity.apply(1, List.of(leg("B1", "101", CallEventKind.ANSWERED), leg("B1", "101", CallEventKind.ENDED)), true, T0);
        activity.apply(2, List.of(leg("B2", "101", CallEventKind.RINGING)), false, T0.plusSeconds(5));
        assertEquals(new Activity("ringing", T0.plusSeconds(5), 2L), activity.of("101", T0.plusSeconds(5)));
        activity.apply(2, List.of(leg("B2", "101", CallEventKind.ENDED)), false, T0.plusSeconds(10));
        assertEquals(new Activity("wrap_up", T0, 1L), activity.of("101", T0.plusSeconds(10)), "back to the wrap-up still owed");
    }

    @Test
    void aCallWhoseEndNeverArrivesIsForgottenAfterTheLongestCall() {
        activity.apply(1, List.of(leg("B1", "101", CallEventKind.ANSWERED)), false, T0);
        Instant muchLater = T0.plus(ExtensionActivity.LONGEST_CALL).plusSeconds(1);
        activity.apply(2, List.of(leg("B2", "102", CallEventKind.RINGING)), false, muchLater);
        assertTrue(activity.of("101", muchLater).isFree());
        assertEquals("ringing", activity.of("102", muchLater).state());
    }

    private static CallEvent leg(String legId, String extension, CallEventKind kind) {
        return CallEvent.builder("mango", "E1", legId + ":" + kind, T0, kind).leg(legId).extension(extension).build();
    }
}

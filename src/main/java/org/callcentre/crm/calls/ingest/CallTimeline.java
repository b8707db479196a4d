package org.callcentre.crm.calls.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds every event known for one call into its outcome. The result depends only on the set of
 * events, not on the order they arrived in: a redelivered event changes nothing, and a late
 * "ringing" cannot reopen a call whose end is already known.
 *
 * <p>One call's events can arrive in any order (a webhook refused and sent again later), and an
 * earlier batch may have found the call over — every leg it knew of had ended — before a leg it
 * did not know of arrives. Such a call stays over ({@link #fold(List, Instant)}): a late event adds
 * what it says (an answer, an operator, hold) but never takes back the end, the status or the talk
 * the row already had; once the call's own end arrives, the events alone decide.
 */
public final class CallTimeline {
    private static final Comparator<CallEvent> PBX_ORDER = Comparator.comparing(CallEvent::occurredAt)
            .thenComparingLong(CallEvent::sequence)
            .thenComparing(e -> e.kind().ordinal())
            .thenComparing(CallEvent::eventId);

    private CallTimeline() {
    }

    public static CallOutcome fold(List<CallEvent> events) {
        return fold(events, null);
    }

    /**
     * @param endedBefore the end an earlier batch stored for the call, if any: kept when these events
     *                    no longer say the call is over (a leg they had not known of is still open)
     */
    public static CallOutcome fold(List<CallEvent> events, Instant endedBefore) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a call needs at least one event");
        }
        List<CallEvent> timeline = new ArrayList<>(events);
        timeline.sort(PBX_ORDER);

        CallDirection direction = null;
        String caller = null;
        String called = null;
        String company = null;
        String queue = null;
        String disconnectReason = null;
        String recording = null;
        String answeredBy = null;
        String joinedBy = null;
        String lastRung = null;
        String startedBy = null;
        Instant answeredAt = null;
        Instant callEndedAt = null;
        Instant lastLegEnd = null;
        boolean lastLegLost = false;
        CallEnding callEnding = null;
        CallEnding lastLegEnding = null;
        Integer pbxWait = null;
        Instant heldSince = null;
        long heldSeconds = 0;
        Set<String> legs = new HashSet<>();
        Set<String> endedLegs = new HashSet<>();

        for (CallEvent e : timeline) {
            direction = direction == null ? e.direction() : direction;
            caller = caller == null ? e.callerNumber() : caller;
            called = called == null ? e.calledNumber() : called;
            company = company == null ? e.companyNumber() : company;
            queue = e.queue() == null ? queue : e.queue();
            disconnectReason = e.disconnectReason() == null ? disconnectReason : e.disconnectReason();
            recording = e.recordingRef() == null ? recording : e.recordingRef();
            pbxWait = e.waitSeconds() == null ? pbxWait : e.waitSeconds();
            if (e.legId() != null) {
                legs.add(e.legId());
            }
            switch (e.kind()) {
                case RINGING -> lastRung = e.extension() == null ? lastRung : e.extension();
                case ANSWERED, TRANSFERRED -> {
                    if (e.kind() == CallEventKind.ANSWERED && answeredAt == null) {
                        answeredAt = e.occurredAt();
                    }
                    // Some PBXs (Mango) report the end of a hold as the leg being connected again.
                    if (e.kind() == CallEventKind.ANSWERED && heldSince != null) {
                        heldSeconds += seconds(heldSince, e.occurredAt());
                        heldSince = null;
                    }
                    answeredBy = e.extension() == null ? answeredBy : e.extension();
                }
                case JOINED -> {
                    // A phone in the conversation that no dial answer named (a pickup): the answer if nothing better says so.
                    answeredAt = answeredAt == null ? e.occurredAt() : answeredAt;
                    joinedBy = e.extension() == null ? joinedBy : e.extension();
                }
                case HELD -> heldSince = heldSince == null ? e.occurredAt() : heldSince;
                case RESUMED -> {
                    if (heldSince != null) {
                        heldSeconds += seconds(heldSince, e.occurredAt());
                        heldSince = null;
                    }
                }
                case ENDED, SUMMARY -> {
                    if (e.legId() == null || e.kind() == CallEventKind.SUMMARY) {
                        callEndedAt = callEndedAt == null || e.occurredAt().isAfter(callEndedAt) ? e.occurredAt() : callEndedAt;
                        callEnding = e.ending() == null ? callEnding : e.ending();
                    } else {
                        endedLegs.add(e.legId());
                        lastLegEnd = e.occurredAt();
                        lastLegLost = e.ending() == CallEnding.LOST;
                        // a lost leg says nothing of how the call ended
                        lastLegEnding = e.ending() == null || lastLegLost ? lastLegEnding : e.ending();
                    }
                }
                case STARTED -> startedBy = startedBy == null ? e.extension() : startedBy;
                case RECORDING_READY -> {
                    // carries a reference only
                }
            }
        }

        // A recording can be reported with the time it was filed; the call began before it.
        Instant createdAt = timeline.stream().filter(e -> e.kind() != CallEventKind.RECORDING_READY)
                .map(CallEvent::occurredAt).findFirst().orElse(timeline.get(0).occurredAt());
        Instant endedAt = callEndedAt != null ? callEndedAt
                : (!legs.isEmpty() && endedLegs.containsAll(legs) ? lastLegEnd : endedBefore);
        if (heldSince != null && endedAt != null) {
            heldSeconds += seconds(heldSince, endedAt);
        }
        // The answer names the operator, whatever order the phones entered the bridge in; an outbound call
        // nobody answered still belongs to the operator who dialled it.
        String operator = answeredBy != null ? answeredBy : joinedBy != null ? joinedBy : lastRung != null ? lastRung : startedBy;
        CallEnding ending = callEnding != null ? callEnding : lastLegEnding;

        int wait = pbxWait != null ? pbxWait
                : (int) seconds(createdAt, answeredAt != null ? answeredAt : (endedAt != null ? endedAt : createdAt));
        // One talk for every source, whether or when a PBX's closing summary arrives: end − answer − hold.
        int talk = answeredAt != null && endedAt != null ? (int) Math.max(0, seconds(answeredAt, endedAt) - heldSeconds) : 0;
        // Over, but found out only after not listening: talk and hold to that moment would be invented.
        boolean timed = answeredAt == null || callEndedAt != null || !lastLegLost;

        CallStatus status;
        MissedReason missedReason = null;
        if (answeredAt != null) {
            status = CallStatus.ANSWERED;
        } else if (endedAt == null) {
            status = CallStatus.RINGING;
        } else if (ending == CallEnding.BUSY) {
            status = CallStatus.BUSY;
        } else if (ending == CallEnding.FAILED) {
            status = CallStatus.FAILED;
        } else {
            status = CallStatus.MISSED;
            missedReason = missedReason(ending, lastRung != null);
        }
        // No adapter could tell the direction: only an outside caller makes it a client's inbound call; a
        // PBX's own call (an originated echo test on Local channels) has no outside party and is internal.
        CallDirection resolvedDirection = direction != null ? direction : caller != null ? CallDirection.INBOUND : CallDirection.INTERNAL;
        return new CallOutcome(resolvedDirection, status, missedReason, caller, called, company,
                operator, queue, createdAt, answeredAt, endedAt, Math.max(0, wait), timed ? (int) heldSeconds : null, timed ? Math.max(0, talk) : null,
                disconnectReason, recording);
    }

    private static MissedReason missedReason(CallEnding ending, boolean anExtensionRang) {
        if (ending == null || ending == CallEnding.NORMAL) {
            // The PBX did not say why: a caller who never reached a phone gave up waiting.
            return anExtensionRang ? MissedReason.NO_ANSWER : MissedReason.ABANDONED;
        }
        return switch (ending) {
            case CALLER_ABANDONED -> MissedReason.ABANDONED;
            case NO_ANSWER -> MissedReason.NO_ANSWER;
            case ALL_BUSY -> MissedReason.ALL_BUSY;
            case REJECTED -> MissedReason.REJECTED;
            case UNAVAILABLE -> MissedReason.UNAVAILABLE;
            default -> MissedReason.NO_ANSWER;
        };
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}

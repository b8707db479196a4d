package org.callcentre.crm.calls.ingest;

import io.micronaut.core.annotation.Nullable;
import org.callcentre.crm.calls.Call;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A call's row changed. Given to every {@link CallProjection} inside the ingest transaction, and
 * published for {@code @TransactionalEventListener(AFTER_COMMIT)} listeners (pops, presence, the
 * wallboard); a plain {@code @EventListener} of it would run inside the transaction, which the
 * architecture test forbids: keep such work in a projection.
 *
 * <p>It carries what live pushes need, so that none of them reads the call again: the row as this
 * change stored it (with the names of its city, operator and client), and the users whose phones
 * started ringing in it. A pop then costs one query, its caller card, keyed by the call's
 * {@code clientId} and {@code rk}.
 *
 * @param call the call as this change stored it
 * @param rung the active users whose extension started ringing in this change (not on a leg that
 *             also ended in it), resolved with the same lookup that linked the call; none once the
 *             call is over, since a ring the call has already outlived is no reason to pop
 * @param statusBefore the status the row had before this change; null for a call new in it. Events
 *             arrive late: a call seen missed (every leg known had ended) can turn out answered
 */
public record CallChanged(Call call, CallOutcome outcome, CallLinks links, List<CallEvent> newEvents, List<RungUser> rung,
                          @Nullable CallStatus statusBefore) {

    /** A call an earlier change stored as over and not answered, which late events show answered. */
    public boolean turnedAnswered() {
        return statusBefore != null && statusBefore.endedUnanswered() && outcome.status() == CallStatus.ANSWERED;
    }

    public long callId() {
        return call.id();
    }

    /**
     * A user whose phone rings in the call.
     *
     * @param cityScope the only city whose orders the user may see; null for every city
     */
    public record RungUser(long userId, Long cityScope) {
    }

    /** The extensions that started ringing in these events, leaving out legs that also ended in them. */
    public static List<String> ringingExtensions(List<CallEvent> events) {
        Set<String> endedLegs = events.stream()
                .filter(e -> e.kind() == CallEventKind.ENDED && e.legId() != null)
                .map(CallEvent::legId).collect(Collectors.toSet());
        return List.copyOf(events.stream()
                .filter(e -> e.kind() == CallEventKind.RINGING && e.extension() != null && !endedLegs.contains(e.legId()))
                .map(CallEvent::extension)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }
}

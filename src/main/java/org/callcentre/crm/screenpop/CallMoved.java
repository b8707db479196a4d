package org.callcentre.crm.screenpop;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A committed call change as live pushes need it: which call, which extensions started ringing in
 * it (leaving out legs that also ended in it), and whether the call is over. Small enough to cross
 * to other nodes; everything else is read from the call's row.
 */
@Serdeable
public record CallMoved(long callId, List<String> ringing, boolean ended) {
    public static final String TOPIC = "call";

    public static CallMoved of(CallChanged change) {
        Set<String> endedLegs = change.newEvents().stream()
                .filter(e -> e.kind() == CallEventKind.ENDED && e.legId() != null)
                .map(CallEvent::legId).collect(Collectors.toSet());
        Set<String> ringing = change.newEvents().stream()
                .filter(e -> e.kind() == CallEventKind.RINGING && e.extension() != null && !endedLegs.contains(e.legId()))
                .map(CallEvent::extension)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new CallMoved(change.callId(), List.copyOf(ringing), change.outcome().ended());
    }
}

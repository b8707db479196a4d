package org.callcentre.crm.live;

import io.micronaut.serde.annotation.Serdeable;
import org.callcentre.crm.calls.ingest.CallChanged;

import java.util.List;

/**
 * A committed call change as live pushes need it: which call, which extensions started ringing in
 * it (leaving out legs that also ended in it), and whether the call is over. Small enough to cross
 * to other nodes, which read the rest from the call's row; on the node that stored the change, pushes
 * use the {@link CallChanged} itself.
 */
@Serdeable
public record CallMoved(long callId, List<String> ringing, boolean ended) {
    public static final String TOPIC = "call";

    public static CallMoved of(CallChanged change) {
        return new CallMoved(change.callId(), CallChanged.ringingExtensions(change.newEvents()), change.outcome().ended());
    }
}

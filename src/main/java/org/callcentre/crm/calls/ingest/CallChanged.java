package org.callcentre.crm.calls.ingest;

import java.util.List;

/**
 * Published (inside the ingest transaction) when a call's row changed; listeners that push to
 * browsers must act after commit.
 */
public record CallChanged(long callId, CallOutcome outcome, CallLinks links, List<CallEvent> newEvents) {
}

package org.callcentre.crm.calls.ingest;

import java.util.List;

/**
 * A call's row changed. Given to every {@link CallProjection} inside the ingest transaction, and
 * published for {@code @TransactionalEventListener(AFTER_COMMIT)} listeners (pops, presence, the
 * wallboard); a plain {@code @EventListener} of it would run inside the transaction, which the
 * architecture test forbids: keep such work in a projection.
 */
public record CallChanged(long callId, CallOutcome outcome, CallLinks links, List<CallEvent> newEvents) {
}

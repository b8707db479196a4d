package org.callcentre.crm.calls.ingest;

import java.time.Duration;
import java.util.List;

/**
 * The one door by which call events enter the domain: the AMI adapter, the telephony inbox (Mango
 * webhooks), the CDR backfill and the replay of kept events all come in here. Whatever the source,
 * each call's events are kept once and its row re-derived from all of them, so a batch may be sent
 * again or out of order. While PostgreSQL cannot be reached, events are kept and applied later.
 */
public interface CallEvents {
    /** Applies the batch now, or keeps it (in memory, then on disk) until PostgreSQL answers again. */
    void accept(List<CallEvent> batch);

    /** As {@link #accept}, but anything kept goes to disk first: the sender was told the events arrived. */
    void acceptAcknowledged(List<CallEvent> batch);

    /** What waits for PostgreSQL now. */
    KeptEvents kept();

    /** Waits until nothing kept waits any more; false if that did not happen within {@code timeout}. */
    boolean awaitKeptApplied(Duration timeout) throws InterruptedException;
}

package org.callcentre.crm.calls.ingest;

/**
 * The batch was not taken: PostgreSQL cannot take it now and the spool is at its size cap
 * ({@code crm.ingest.spool-max-size}). Nothing of it was kept; its sender must keep it and offer it
 * again (a webhook is answered 503 with {@code Retry-After}; the AMI adapter waits, pausing the link).
 */
public final class CallEventsFull extends RuntimeException {
    CallEventsFull(String message) {
        super(message);
    }
}

package org.callcentre.crm.calls.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * Call events accepted but not yet applied because PostgreSQL could not be reached (or older kept
 * events wait before them): in memory, and batches on disk. {@code full}: the spool file is at its
 * size cap, and events that would have to go there are refused ({@link CallEventsFull}).
 */
public record KeptEvents(int memoryEvents, long spooledBatches, long spoolBytes, boolean full, Optional<Instant> since) {
    public boolean empty() {
        return memoryEvents == 0 && spooledBatches == 0;
    }
}

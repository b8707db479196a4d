package org.callcentre.crm.calls.ingest;

import java.time.Instant;
import java.util.Optional;

/**
 * Call events accepted but not yet applied because PostgreSQL could not be reached (or older kept
 * events wait before them): in memory, and batches on disk.
 */
public record KeptEvents(int memoryEvents, long spooledBatches, Optional<Instant> since) {
    public boolean empty() {
        return memoryEvents == 0 && spooledBatches == 0;
    }
}

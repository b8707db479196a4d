package org.callcentre.crm.recordings;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Deletes recordings older than the retention setting, once a day; transcripts and drafts stay. */
@Singleton
public class RecordingRetention {
    private static final Logger LOG = LoggerFactory.getLogger(RecordingRetention.class);
    private static final int BATCH = 500;

    private final RecordingRepository recordings;
    private final RecordingStore store;
    private final RecordingSettings settings;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public RecordingRetention(RecordingRepository recordings, RecordingStore store, RecordingSettings settings,
                              TransactionOperations<Connection> transactions, Clock clock) {
        this.recordings = recordings;
        this.store = store;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${crm.recordings.cleanup-interval:24h}", initialDelay = "10m")
    void daily() {
        LOG.info("Recording retention: {} recordings deleted", cleanUp());
    }

    /** @return how many recordings were deleted */
    public int cleanUp() {
        if (settings.retentionDays() <= 0) {
            return 0;
        }
        var cutoff = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
        int deleted = 0;
        List<Recording> batch;
        do {
            batch = transactions.executeRead(status -> recordings.olderThan(cutoff, BATCH));
            for (Recording r : batch) {
                // the row goes first: a file without a row is unreachable, a row without a file would be a broken link
                transactions.executeWrite(status -> {
                    recordings.delete(r.id());
                    return null;
                });
                store.delete(r.fileName());
                deleted++;
            }
        } while (batch.size() == BATCH);
        return deleted;
    }
}

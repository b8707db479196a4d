package org.callcentre.crm.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.Actor;
import org.callcentre.crm.shared.Db;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Deletes audit rows older than {@code crm.audit.retention-days} (0 keeps them for ever), once a day
 * at {@code crm.audit.cleanup-cron}, in batches so that no statement holds locks for long. Nodes of
 * a cluster take turns through an advisory lock: one cleans, the others skip. The clean-up itself is
 * written to the audit log.
 */
@Singleton
public class AuditRetention {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);
    private static final int BATCH = 10_000;
    /** Any constant shared by every node; it names this job's advisory lock. */
    private static final long LOCK_KEY = 0x61756469745F7265L;

    private final Db db;
    private final AuditLog audit;
    private final Clock clock;
    private final int retentionDays;

    public AuditRetention(Db db, AuditLog audit, Clock clock, @Value("${crm.audit.retention-days:365}") int retentionDays) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    @Scheduled(cron = "${crm.audit.cleanup-cron:0 30 3 * * *}")
    void daily() {
        try {
            long deleted = cleanUp();
            if (deleted > 0) {
                LOG.info("Audit retention: deleted {} rows older than {} days", deleted, retentionDays);
            }
        } catch (RuntimeException e) {
            LOG.warn("Audit retention clean-up failed; it runs again tomorrow", e);
        }
    }

    /** @return the rows deleted; 0 when retention is off or another node holds the job */
    @Transactional
    public long cleanUp() {
        if (retentionDays <= 0 || !db.queryOne("SELECT pg_try_advisory_xact_lock(?)", rs -> rs.getBoolean(1), LOCK_KEY).orElse(false)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(retentionDays));
        long deleted = 0;
        int batch;
        do {
            // audit_log_at_idx
            batch = db.update("DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE at < ? ORDER BY at LIMIT ?)", cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            audit.record(Actor.system("audit-retention"), "purge", "audit_log", null,
                    Map.of("olderThan", cutoff.toString(), "deleted", deleted, "retentionDays", retentionDays));
        }
        return deleted;
    }
}

package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.TelephonyGapChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Never a silent gap: every {@link AmiOutage} is written to {@code telephony_gaps} and published at
 * once as a {@link TelephonyGapChanged} ({@code reported}), which {@code live} pushes to supervisors;
 * with a CDR database its calls are then backfilled and the gap becomes {@code backfilled} or
 * {@code backfill_failed}, published again. Runs on a thread of its own, so a slow CDR database holds up neither the AMI events nor anyone's request.
 */
@Singleton
@Requires(beans = AmiConnector.class)
class AmiGapRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(AmiGapRecorder.class);

    private final TelephonyGapRepository gaps;
    private final Optional<CdrBackfill> backfill;
    private final ApplicationEventPublisher<TelephonyGapChanged> changes;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ami-gaps"));

    AmiGapRecorder(TelephonyGapRepository gaps, Optional<CdrBackfill> backfill, ApplicationEventPublisher<TelephonyGapChanged> changes) {
        this.gaps = gaps;
        this.backfill = backfill;
        this.changes = changes;
    }

    @EventListener
    void onOutageOver(AmiOutage outage) {
        thread.execute(() -> record(outage));
    }

    private void record(AmiOutage outage) {
        try {
            TelephonyGap gap = gaps.insertReported(AmiCallEventTranslator.SOURCE, outage.start(), outage.end(), outage.reason());
            publish(gap);
            if (backfill.isEmpty()) {
                LOG.warn("AMI: calls from {} to {} may be missing; no CDR database to backfill them from (gap {})",
                        gap.start(), gap.end(), gap.id());
                return;
            }
            publish(backfilled(gap, backfill.get()));
        } catch (RuntimeException e) {
            LOG.error("AMI: gap {} – {} ({}) could not be recorded: {}", outage.start(), outage.end(), outage.reason(), e.toString());
        }
    }

    private TelephonyGap backfilled(TelephonyGap gap, CdrBackfill cdr) {
        try {
            CdrBackfill.Result result = cdr.backfill(gap.start(), gap.end());
            LOG.info("AMI: gap {} backfilled from the CDR table: {} call(s) there, {} new", gap.id(), result.cdrCalls(), result.backfilledCalls());
            return gaps.backfilled(gap.id(), result.cdrCalls(), result.backfilledCalls());
        } catch (Exception e) {
            LOG.error("AMI: calls from {} to {} may be missing; the CDR backfill failed (gap {}): {}", gap.start(), gap.end(), gap.id(), e.toString());
            return gaps.backfillFailed(gap.id(), e.toString());
        }
    }

    private void publish(TelephonyGap gap) {
        changes.publishEvent(new TelephonyGapChanged(gap.id(), gap.start(), gap.end(), gap.state(), gap.reason(), gap.backfilledCalls()));
    }

    /** A gap found just before shutting down is still written, while the database is there. */
    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}

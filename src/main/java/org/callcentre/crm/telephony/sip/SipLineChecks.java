package org.callcentre.crm.telephony.sip;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.ApiException;
import org.callcentre.crm.siplines.SipLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Probes every enabled SIP line each {@code crm.sip.probe-interval}, all lines at once so that one
 * silent line does not delay the others, and a single line on request. The first round waits one
 * interval: statuses survive a restart in the database.
 */
@Singleton
public class SipLineChecks {
    private static final Logger LOG = LoggerFactory.getLogger(SipLineChecks.class);

    private final SipLineStatusService statuses;
    private final SipLineProber prober;
    private final ExecutorService probeThreads;
    private final boolean enabled;

    SipLineChecks(SipLineStatusService statuses, SipLineProber prober, @Named(TaskExecutors.IO) ExecutorService probeThreads,
                  @Value("${crm.sip.enabled:true}") boolean enabled) {
        this.statuses = statuses;
        this.prober = prober;
        this.probeThreads = probeThreads;
        this.enabled = enabled;
    }

    /** Probes one line, enabled or not, so that an admin can try a line before switching it on. */
    public SipLineStatus probeNow(long lineId) {
        if (!enabled) {
            throw ApiException.conflict("SIP line checks are switched off (crm.sip.enabled=false)");
        }
        SipLine line = statuses.line(lineId);
        return statuses.record(lineId, prober.probe(SipProbeTarget.of(line)));
    }

    @Scheduled(fixedDelay = "${crm.sip.probe-interval:30s}", initialDelay = "${crm.sip.probe-interval:30s}")
    void probeEnabledLines() {
        if (!enabled) {
            return;
        }
        CompletableFuture.allOf(statuses.enabledLines().stream()
                .map(line -> CompletableFuture.runAsync(() -> probeAndRecord(line), probeThreads))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** One line's failure, such as the line being deleted while its probe was out, must not stop the others. */
    private void probeAndRecord(SipLine line) {
        try {
            statuses.record(line.id(), prober.probe(SipProbeTarget.of(line)));
        } catch (RuntimeException e) {
            LOG.warn("Probing SIP line {} ({}) failed", line.id(), line.name(), e);
        }
    }
}

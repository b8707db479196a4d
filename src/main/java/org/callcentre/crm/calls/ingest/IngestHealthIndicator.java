package org.callcentre.crm.calls.ingest;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Saturation;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ingest} in {@code /health}: UP while call events go straight to PostgreSQL, DEGRADED while
 * some are kept in memory or in the spool waiting for it. The service still answers and still takes
 * events then, so it stays operational: an orchestrator must not restart it and lose the memory part.
 * FULL while the spool is at its cap and events that would go there are refused.
 */
@Singleton
class IngestHealthIndicator implements HealthIndicator {
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "call events wait for PostgreSQL", true, 500);

    private final IngestBuffer buffer;

    IngestHealthIndicator(IngestBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        KeptEvents backlog = buffer.kept();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bufferedEvents", backlog.memoryEvents());
        details.put("spooledBatches", backlog.spooledBatches());
        details.put("spoolBytes", backlog.spoolBytes());
        details.put("spoolFull", backlog.full());
        backlog.since().ifPresent(since -> details.put("keptSince", since));
        return Publishers.just(HealthResult.builder("ingest", status(backlog)).details(details).build());
    }

    private static HealthStatus status(KeptEvents backlog) {
        if (backlog.full()) {
            return Saturation.FULL;
        }
        return backlog.empty() ? HealthStatus.UP : DEGRADED;
    }
}

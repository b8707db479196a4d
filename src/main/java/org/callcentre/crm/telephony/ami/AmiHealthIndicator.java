package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Saturation;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code ami} in {@code /health}: UP while logged in to Asterisk, DOWN while a configured Asterisk is
 * not reachable (with {@code deafSince}, when a connection that was up went quiet). A standby node
 * of a cluster, whose leader holds the connection, is UP with state {@code standby}. FULL, with state
 * {@code paused}, while the socket is not read because {@code queuedEvents} reached the cap (the
 * connection stays up; Asterisk waits).
 *
 * <p>The newest gap whose calls were not recovered ({@code reported} or {@code backfill_failed}) is
 * in the details as {@code lastUnresolvedGap}, but leaves the status UP: it is missing history, not
 * a fault of the running service, and a DOWN would make an orchestrator restart or unroute a
 * service that works. It stays there until a newer gap replaces it or is backfilled.
 */
@Singleton
@Requires(beans = AmiConnector.class)
class AmiHealthIndicator implements HealthIndicator {
    private final AmiConnector connector;
    private final AmiEventWorker worker;
    private final TelephonyGapRepository gaps;
    private final ExecutorService blocking;

    AmiHealthIndicator(AmiConnector connector, AmiEventWorker worker, TelephonyGapRepository gaps,
                       @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.connector = connector;
        this.worker = worker;
        this.gaps = gaps;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        // The gap is read from the database: off the event loop that serves /health.
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::result, blocking));
    }

    private HealthResult result() {
        Map<String, Object> details = new LinkedHashMap<>();
        // no host or port: /health details reach every signed-in user, and the PBX's address is no operator's business
        boolean standby = connector.standby();
        boolean paused = !standby && connector.paused();
        details.put("state", standby ? "standby" : paused ? "paused" : connector.state().toLowerCase(Locale.ROOT));
        details.put("queuedEvents", worker.queued());
        details.put("maxQueuedEvents", worker.maxQueued());
        connector.deafSince().ifPresent(since -> details.put("deafSince", since));
        try {
            gaps.lastUnresolved().ifPresent(gap -> details.put("lastUnresolvedGap", Map.of(
                    "id", gap.id(), "start", gap.start(), "end", gap.end(), "state", gap.state(), "reason", gap.reason())));
        } catch (RuntimeException e) {
            // The database's own indicator says why (its message may name hosts); the connection's state is still worth showing.
            details.put("lastUnresolvedGap", "unknown");
        }
        HealthStatus status = paused ? Saturation.FULL : standby || connector.connected() ? HealthStatus.UP : HealthStatus.DOWN;
        return HealthResult.builder("ami", status).details(details).build();
    }
}

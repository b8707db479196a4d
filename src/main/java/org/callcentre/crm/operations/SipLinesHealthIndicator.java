package org.callcentre.crm.operations;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code sipLines} in {@code /health} and {@code /health/readiness}: DEGRADED (still answering 200)
 * while some enabled line failed its last probe, with the lines named; UP otherwise, lines not yet
 * probed included.
 * A trunk that is down is the carrier's fault, not this service's: a DOWN would make an orchestrator
 * restart or unroute a CRM that works.
 */
@Singleton
class SipLinesHealthIndicator implements HealthIndicator {
    static final HealthStatus DEGRADED = new HealthStatus("DEGRADED", "some SIP lines are not answering", true, 500);

    private final OperationsRepository repository;
    private final ExecutorService blocking;

    SipLinesHealthIndicator(OperationsRepository repository, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.repository = repository;
        this.blocking = blocking;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(CompletableFuture.supplyAsync(this::result, blocking));
    }

    private HealthResult result() {
        List<OperationsRepository.LineState> lines;
        try {
            lines = repository.enabledLineStates();
        } catch (RuntimeException e) {
            return HealthResult.builder("sipLines", HealthStatus.UNKNOWN).details(Map.of("error", e.getMessage())).build();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("enabled", lines.size());
        details.put("up", lines.stream().filter(l -> l.state().equals("up")).count());
        details.put("notProbedYet", lines.stream().filter(l -> l.state().equals("unknown")).count());
        List<String> down = lines.stream().filter(l -> l.state().equals("down")).map(OperationsRepository.LineState::name).toList();
        details.put("down", down);
        return HealthResult.builder("sipLines", down.isEmpty() ? HealthStatus.UP : DEGRADED).details(details).build();
    }
}

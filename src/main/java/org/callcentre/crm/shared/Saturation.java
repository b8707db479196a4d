package org.callcentre.crm.shared;

import io.micronaut.health.HealthStatus;

/**
 * The {@code /health} status of a queue at its size cap: new webhooks are answered 503 with
 * {@code Retry-After}, or the AMI link is paused, until it shrinks. Nothing is lost and the service
 * still works, so it stays operational: an orchestrator restarting it would only make the backlog
 * longer.
 */
public final class Saturation {
    public static final HealthStatus FULL = new HealthStatus("FULL", "a queue is at its size cap; new events wait at their sender", true, 600);

    private Saturation() {
    }
}

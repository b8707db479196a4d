package org.callcentre.crm.telephony.inbox;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.callcentre.crm.shared.Saturation;
import org.reactivestreams.Publisher;

import java.util.Map;

/** {@code telephonyInbox} in {@code /health}: UP, or FULL while webhooks are answered 503 at the cap. */
@Singleton
class InboxHealthIndicator implements HealthIndicator {
    private final InboxBounds bounds;

    InboxHealthIndicator(InboxBounds bounds) {
        this.bounds = bounds;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean full = bounds.full();
        return Publishers.just(HealthResult.builder("telephonyInbox", full ? Saturation.FULL : HealthStatus.UP)
                .details(Map.of("pending", bounds.pending(), "maxPending", bounds.maxPending(), "refusingWebhooks", full))
                .build());
    }
}

package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Locale;
import java.util.Map;

/** {@code ami} in {@code /health}: UP while logged in to Asterisk, DOWN while a configured Asterisk is not reachable. */
@Singleton
@Requires(beans = AmiConnector.class)
class AmiHealthIndicator implements HealthIndicator {
    private final AmiConnector connector;

    AmiHealthIndicator(AmiConnector connector) {
        this.connector = connector;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("ami", connector.connected() ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("address", connector.address(), "state", connector.state().toLowerCase(Locale.ROOT)))
                .build());
    }
}

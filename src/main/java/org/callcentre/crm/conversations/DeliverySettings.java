package org.callcentre.crm.conversations;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** {@code crm.conversations.*}: how failed replies are retried. */
@ConfigurationProperties("crm.conversations")
public record DeliverySettings(Duration retryBase, int maxAttempts, Duration sweepInterval) {

    /** When to try again after {@code attempts} failed tries, or null once they are used up: base, 2×base, 4×base, … */
    public Duration backoff(int attempts) {
        if (attempts >= maxAttempts) {
            return null;
        }
        return retryBase.multipliedBy(1L << Math.min(attempts - 1, 20));
    }
}

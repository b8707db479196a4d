package org.callcentre.crm.conversations;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.callcentre.crm.shared.Backoff;

import java.time.Duration;

/** {@code crm.conversations.*}: how failed replies are retried. */
@ConfigurationProperties("crm.conversations")
public record DeliverySettings(Duration retryBase, int maxAttempts, Duration sweepInterval) {

    /** When to try again after {@code attempts} failed tries, or null once they are used up: base, 2×base, 4×base, … */
    public Duration backoff(int attempts) {
        return Backoff.after(attempts, retryBase, maxAttempts);
    }
}

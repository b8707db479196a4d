package org.callcentre.crm.notifications;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.callcentre.crm.shared.Backoff;

import java.time.Duration;

/**
 * {@code crm.notifications.*}: how often the worker looks for due notifications, how long a claimed
 * one is leased to its worker, and how failures are retried.
 */
@ConfigurationProperties("crm.notifications")
public record OutboxSettings(Duration pollInterval, Duration lease, Duration retryBase, int maxAttempts, int batch) {

    Duration backoff(int attempts) {
        return Backoff.after(attempts, retryBase, maxAttempts);
    }
}

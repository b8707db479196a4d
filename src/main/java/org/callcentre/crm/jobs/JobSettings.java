package org.callcentre.crm.jobs;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code crm.jobs.*}: the background workers that fetch and transcribe recordings.
 *
 * @param workers      worker threads; 0 means one per processor core
 * @param pollInterval how often an idle worker looks for due jobs
 * @param lease        how long a claimed job stays with its worker without a heartbeat; a job whose
 *                     lease ran out (its process died) is claimed again by any worker
 * @param retryDelay   the first retry's delay; each further retry waits twice as long, up to {@code maxRetryDelay}
 * @param maxAttempts  attempts before a job is marked failed
 */
@ConfigurationProperties("crm.jobs")
public record JobSettings(@Bindable(defaultValue = "true") boolean enabled,
                          @Bindable(defaultValue = "0") int workers,
                          @Bindable(defaultValue = "2s") Duration pollInterval,
                          @Bindable(defaultValue = "2m") Duration lease,
                          @Bindable(defaultValue = "30s") Duration retryDelay,
                          @Bindable(defaultValue = "30m") Duration maxRetryDelay,
                          @Bindable(defaultValue = "12") int maxAttempts) {

    public int workerCount() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }

    /** Exponential backoff after the given (1-based) attempt. */
    public Duration delayAfter(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration delay = retryDelay.multipliedBy(factor);
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}

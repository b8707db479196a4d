package org.callcentre.crm.shared;

import java.time.Duration;

/** Exponential retry spacing shared by every sender that retries: base, 2×base, 4×base, … */
public final class Backoff {
    private Backoff() {
    }

    /** The wait after {@code attempts} failed tries, or null once {@code maxAttempts} are used up. */
    public static Duration after(int attempts, Duration base, int maxAttempts) {
        if (attempts >= maxAttempts) {
            return null;
        }
        return base.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
    }
}

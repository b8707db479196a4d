package org.callcentre.crm.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for what the service does on its own threads (after a webhook's answer, on a schedule), failing after a deadline. */
public final class Eventually {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

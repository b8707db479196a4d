package org.callcentre.crm.telephony.ami;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for what the AMI adapter does on its own threads, failing after a deadline. */
final class Eventually {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {
    }

    static void until(String what, BooleanSupplier condition) {
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

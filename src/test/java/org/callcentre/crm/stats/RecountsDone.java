package org.callcentre.crm.stats;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waits for the online recounts ({@link RollupRecount}) to end. */
final class RecountsDone {
    private RecountsDone() {
    }

    static void await(RollupRecount recount) {
        // a bound for a hung recount, not a timing: the recounts of test data take a second or so
        for (int i = 0; i < 600 && !recount.idle(); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        assertTrue(recount.idle(), "the recount ended");
    }
}

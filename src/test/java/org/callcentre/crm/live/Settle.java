package org.callcentre.crm.live;

import org.callcentre.crm.testing.TestData;


import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Waits until every webhook posted so far has been ingested and every push it caused has been
 * made. Tests that play calls end with it, so that the next test's reset does not truncate tables
 * under a push still reading them (PostgreSQL would settle that with a deadlock error).
 */
public final class Settle {
    private Settle() {
    }

    public static void everything(TestData data, LivePushQueue queue) throws InterruptedException {
        long deadline = System.nanoTime() + LiveClient.PATIENCE.toNanos();
        while (data.db().queryLong("SELECT count(*) FROM telephony_inbox WHERE processed_at IS NULL") > 0) {
            if (System.nanoTime() > deadline) {
                fail("webhooks still not ingested");
            }
            Thread.sleep(20);
        }
        assertTrue(queue.awaitQuiet(LiveClient.PATIENCE), "pushes still running");
    }
}

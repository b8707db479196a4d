package org.callcentre.crm.live;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A screen-pop does not wait for the backlog of other pushes on its thread: it runs right after the
 * task running now (and the pops before it), while everything else keeps the order it came in.
 */
class LivePushQueueTest {
    @Test
    void popsRunAheadOfTheBacklogInTheirOwnOrderAndTheRestKeepsItsOrder() throws Exception {
        LivePushQueue queue = new LivePushQueue(1);
        try {
            List<String> ran = new CopyOnWriteArrayList<>();
            CountDownLatch held = new CountDownLatch(1);
            queue.submit(7, "slow push", () -> {
                try {
                    held.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.add("slow");
            });
            queue.submit(7, "update 1", () -> ran.add("update 1"));
            queue.submit("presence", () -> ran.add("presence"));
            queue.submitFirst(8, "pop A", () -> ran.add("pop A"));
            queue.submit(7, "update 2", () -> ran.add("update 2"));
            queue.submitFirst(9, "pop B", () -> ran.add("pop B"));
            held.countDown();

            assertTrue(queue.awaitQuiet(Duration.ofSeconds(20)));
            assertEquals(List.of("slow", "pop A", "pop B", "update 1", "presence", "update 2"), ran);
        } finally {
            queue.stop();
        }
    }
}

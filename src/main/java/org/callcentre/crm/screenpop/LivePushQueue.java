package org.callcentre.crm.screenpop;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The one thread on which pushes to browsers are prepared, off the thread that ingests calls. One
 * thread, so that what is pushed about a call leaves in the order its changes were committed: a
 * "call-updated" can never overtake the screen-pop it follows.
 */
@Singleton
public class LivePushQueue {
    private static final Logger LOG = LoggerFactory.getLogger(LivePushQueue.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "live-push"));

    /** Never throws: a push that fails is logged and dropped, it must not disturb whoever asked for it. */
    public void submit(String what, Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("Live push ({}) failed: {}", what, e.toString());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Live push ({}) dropped: shutting down", what);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}

package org.callcentre.crm.live;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads on which pushes to browsers are prepared, off the thread that ingests calls. Work
 * about one call always runs on the same thread, so what is pushed about a call leaves in the order
 * its changes were committed (a "call-updated" never overtakes the screen-pop it follows), while
 * different calls are prepared side by side — preparing a pop waits on the database, and one
 * thread waiting for every call in turn is what made pops late under load.
 *
 * <p>Screen-pops are a lane of their own ({@link #submitFirst}): each thread runs the pops waiting
 * for it before anything else, in the order they came, so a pop waits for at most the task running
 * and the pops before it, never for the backlog of call updates, presence and boards behind it.
 */
@Singleton
public class LivePushQueue {
    private static final Logger LOG = LoggerFactory.getLogger(LivePushQueue.class);

    private final List<ExecutorService> threads = new ArrayList<>();
    private final AtomicLong submitted = new AtomicLong();

    public LivePushQueue(@Value("${crm.live.push-threads:4}") int threadCount) {
        for (int i = 0; i < Math.max(1, threadCount); i++) {
            String name = "live-push-" + i;
            threads.add(new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                    r -> new Thread(r, name)));
        }
    }

    /** Work that must stay in one order with all other unkeyed work (e.g. operator states). */
    public void submit(String what, Runnable task) {
        run(threads.get(0), false, what, task);
    }

    /** Work about one call: in order with other work about the same call. */
    public void submit(long callId, String what, Runnable task) {
        run(threadOf(callId), false, what, task);
    }

    /** A screen-pop: on the call's thread, ahead of everything but earlier pops. */
    public void submitFirst(long callId, String what, Runnable task) {
        run(threadOf(callId), true, what, task);
    }

    /** Waits until everything submitted before this call has run (on every thread). */
    public boolean awaitQuiet(java.time.Duration timeout) throws InterruptedException {
        java.util.concurrent.CountDownLatch reached = new java.util.concurrent.CountDownLatch(threads.size());
        threads.forEach(thread -> run(thread, false, "settling", reached::countDown));
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ExecutorService threadOf(long callId) {
        return threads.get((int) Math.floorMod(callId, (long) threads.size()));
    }

    /** A task in its lane: pops before the rest, each lane in the order submitted. */
    private record Queued(boolean first, long order, String what, Runnable task) implements Runnable, Comparable<Queued> {
        @Override
        public void run() {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Live push ({}) failed: {}", what, e.toString());
            }
        }

        @Override
        public int compareTo(Queued other) {
            return first != other.first ? (first ? -1 : 1) : Long.compare(order, other.order);
        }
    }

    /** Never throws: a push that fails is logged and dropped, it must not disturb whoever asked for it. */
    private void run(ExecutorService thread, boolean first, String what, Runnable task) {
        try {
            thread.execute(new Queued(first, submitted.incrementAndGet(), what, task));
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Live push ({}) dropped: shutting down", what);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        for (ExecutorService thread : threads) {
            thread.shutdown();
        }
        for (ExecutorService thread : threads) {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}

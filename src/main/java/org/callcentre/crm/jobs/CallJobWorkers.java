package org.callcentre.crm.jobs;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * N worker threads that take call jobs from {@link CallJobQueue} and hand them to the handler of
 * their kind, and one heartbeat thread that keeps this process's leases alive. Started with the
 * HTTP server; on shutdown the jobs in hand go back to the queue.
 */
@Singleton
public class CallJobWorkers implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(CallJobWorkers.class);

    private final CallJobQueue queue;
    private final JobSettings settings;
    private final Map<String, CallJobHandler> handlers;
    /** Unique per process, so that a restarted service never mistakes its predecessor's jobs for its own. */
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private volatile ExecutorService workers;
    private volatile ScheduledExecutorService heartbeat;
    private volatile boolean stopping;

    public CallJobWorkers(CallJobQueue queue, JobSettings settings, List<CallJobHandler> handlers) {
        this.queue = queue;
        this.settings = settings;
        this.handlers = handlers.stream().collect(Collectors.toMap(CallJobHandler::kind, Function.identity()));
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (!settings.enabled() || workers != null) {
            return;
        }
        int count = settings.workerCount();
        workers = Executors.newFixedThreadPool(count, r -> new Thread(r, "call-jobs-" + threadNumber.incrementAndGet()));
        for (int i = 0; i < count; i++) {
            workers.execute(this::work);
        }
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "call-jobs-heartbeat"));
        long every = Math.max(1, settings.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        LOG.info("Call jobs: {} workers started as {}", count, workerId);
    }

    private void work() {
        while (!stopping) {
            Optional<CallJob> job;
            try {
                job = queue.claim(workerId, settings.lease());
            } catch (RuntimeException e) {
                LOG.warn("Call jobs: claiming failed, will try again: {}", e.toString());
                job = Optional.empty();
            }
            if (job.isPresent()) {
                run(job.get());
            } else if (!pause()) {
                return;
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run(CallJob job) {
        CallJobHandler handler = handlers.get(job.kind());
        try {
            if (handler == null) {
                throw new PermanentJobFailure("no handler for job kind " + job.kind());
            }
            handler.run(job.callId());
            queue.done(job, workerId);
        } catch (PermanentJobFailure e) {
            LOG.warn("Call {} {} failed for good: {}", job.callId(), job.kind(), e.getMessage());
            queue.failed(job, workerId, e.getMessage());
        } catch (InterruptedException e) {
            // shutting down: release() hands the job back
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (stopping) {
                return;
            }
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (job.attempts() >= settings.maxAttempts()) {
                LOG.warn("Call {} {} failed after {} attempts: {}", job.callId(), job.kind(), job.attempts(), reason);
                queue.failed(job, workerId, reason);
            } else {
                LOG.info("Call {} {} attempt {} failed, retrying: {}", job.callId(), job.kind(), job.attempts(), reason);
                queue.retryLater(job, workerId, reason, settings.delayAfter(job.attempts()));
            }
        }
    }

    private void renewLeases() {
        try {
            queue.renewLeases(workerId, settings.lease());
        } catch (RuntimeException e) {
            LOG.warn("Call jobs: lease renewal failed: {}", e.toString());
        }
    }

    @PreDestroy
    synchronized void stop() throws InterruptedException {
        if (workers == null) {
            return;
        }
        stopping = true;
        heartbeat.shutdownNow();
        workers.shutdownNow();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        int released = queue.release(workerId);
        LOG.info("Call jobs: stopped, {} running jobs handed back to the queue", released);
    }
}

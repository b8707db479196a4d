package org.callcentre.crm.calls.ingest;

import org.callcentre.crm.shared.DatabaseFaults;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.serde.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Call events that arrive while PostgreSQL cannot be reached are kept, not lost: up to
 * {@code crm.ingest.buffer-events} in memory, beyond that (and always for events already
 * acknowledged to their sender) in {@link IngestSpool} under {@code crm.ingest.spool-dir}. One
 * thread applies them oldest first once PostgreSQL answers again; until everything kept is applied,
 * new events queue behind it, so no call's events overtake each other.
 *
 * <p>The spool file is capped at {@code crm.ingest.spool-max-size}: a batch that would have to go
 * there past the cap is refused with {@link CallEventsFull}, and stays with its sender (a webhook is
 * answered 503, the AMI adapter pauses its link), rather than filling the disk the database shares.
 * The file shrinks only once it was read to the end, so under load that keeps coming during a long
 * replay the cap may be met before the replay is done; it then clears and takes events again.
 */
@Context // started with the service: a spool left by a process that died is applied without waiting for new events
class IngestBuffer implements CallEvents {
    private static final Logger LOG = LoggerFactory.getLogger(IngestBuffer.class);

    private final CallEventIngestor ingestor;
    private final int memoryLimit;
    private final long spoolMaxBytes;
    private final Duration retryInterval;
    private final IngestSpool spool;
    private final Deque<List<CallEvent>> memory = new ArrayDeque<>();
    private final ScheduledExecutorService replaying = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ingest-replay"));
    // guarded by this
    private int memoryEvents;
    private Instant keptSince;

    IngestBuffer(CallEventIngestor ingestor, ObjectMapper json,
                        @Value("${crm.data-dir}") Path dataDir, @Value("${crm.ingest.spool-dir:}") String spoolDir,
                        @Value("${crm.ingest.buffer-events:10000}") int memoryLimit,
                        @Value("${crm.ingest.retry-interval:1s}") Duration retryInterval,
                        @ReadableBytes @Value("${crm.ingest.spool-max-size:512MB}") long spoolMaxBytes) {
        this.ingestor = ingestor;
        this.memoryLimit = memoryLimit;
        this.spoolMaxBytes = spoolMaxBytes;
        this.retryInterval = retryInterval;
        Path dir = spoolDir.isBlank() ? dataDir.resolve("spool") : Path.of(spoolDir);
        this.spool = new IngestSpool(dir.resolve("call-events.jsonl"), json);
        if (spool.unread() > 0) {
            keptSince = Instant.now();
        }
        replaying.scheduleWithFixedDelay(this::replay, 0, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Applies the events now or, while PostgreSQL is unreachable or older events wait, keeps them
     * for later. Any other failure is the caller's.
     */
    @Override
    public void accept(List<CallEvent> batch) {
        ingest(batch, false);
    }

    /** As {@link #ingest}, but events that must be kept go to disk: the sender was told they arrived. */
    @Override
    public void acceptAcknowledged(List<CallEvent> batch) {
        ingest(batch, true);
    }

    private void ingest(List<CallEvent> batch, boolean durable) {
        if (batch.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (!kept().empty()) {
                keep(batch, durable);
                return;
            }
        }
        try {
            ingestor.ingest(batch);
        } catch (RuntimeException e) {
            if (!DatabaseFaults.unreachable(e)) {
                throw e;
            }
            synchronized (this) {
                if (keptSince == null) {
                    LOG.warn("PostgreSQL unreachable ({}): call events are kept until it answers", e.toString());
                }
                keep(batch, durable);
            }
        }
    }

    @Override
    public synchronized KeptEvents kept() {
        return new KeptEvents(memoryEvents, spool.unread(), spool.bytes(), spool.bytes() >= spoolMaxBytes, Optional.ofNullable(keptSince));
    }

    /** Waits until nothing is kept any more; false if that did not happen within {@code timeout}. */
    @Override
    public boolean awaitKeptApplied(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!kept().empty()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(Math.min(100, retryInterval.toMillis()));
        }
        return true;
    }

    private void keep(List<CallEvent> batch, boolean durable) {
        if (!durable && spool.unread() == 0 && memoryEvents + batch.size() <= memoryLimit) {
            keptSince = keptSince == null ? Instant.now() : keptSince;
            memory.addLast(List.copyOf(batch));
            memoryEvents += batch.size();
            return;
        }
        if (spool.bytes() >= spoolMaxBytes) {
            LOG.warn("Ingest spool {} is at its cap of {} bytes: {} call event(s) refused, their sender keeps them",
                    spool.file(), spoolMaxBytes, batch.size());
            throw new CallEventsFull("The ingest spool is full (" + spool.bytes() + " bytes); offer these events again later");
        }
        keptSince = keptSince == null ? Instant.now() : keptSince;
        try {
            spool.append(batch);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not spool call events to " + spool.file(), e);
        }
    }

    /** Applies what is kept, oldest first, until PostgreSQL fails again or nothing is left. */
    private void replay() {
        try {
            while (true) {
                List<CallEvent> next;
                boolean fromMemory;
                synchronized (this) {
                    next = memory.peekFirst();
                    fromMemory = next != null;
                    if (!fromMemory) {
                        next = spool.head().orElse(null);
                    }
                    if (next == null) {
                        if (keptSince != null) {
                            LOG.info("Every call event kept since {} is applied", keptSince);
                            keptSince = null;
                        }
                        return;
                    }
                }
                if (!apply(next)) {
                    return;
                }
                synchronized (this) {
                    if (fromMemory) {
                        memory.pollFirst();
                        memoryEvents -= next.size();
                    } else {
                        spool.take();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The timer must keep running whatever happened; the next round tries again.
            LOG.error("Applying kept call events failed: {}", e.toString());
        }
    }

    /** @return false when the batch must be tried again later */
    private boolean apply(List<CallEvent> batch) {
        try {
            ingestor.ingest(batch);
            return true;
        } catch (RuntimeException e) {
            if (DatabaseFaults.unreachable(e) || DatabaseFaults.lockConflict(e)) {
                return false;
            }
            // Events that fail for what they say would fail every time; holding them would stop every other call.
            LOG.error("Kept call events of {} could not be applied and are dropped: {}", batch.get(0).callKey(), e.toString());
            return true;
        }
    }

    /** Applies what it can; whatever PostgreSQL could not take by then is left on disk for the next start. */
    @PreDestroy
    void stop() throws InterruptedException {
        replaying.shutdown();
        replaying.awaitTermination(10, TimeUnit.SECONDS);
        replay();
        synchronized (this) {
            try {
                if (!memory.isEmpty()) {
                    spool.putFirst(new ArrayList<>(memory));
                    LOG.warn("PostgreSQL still unreachable at shutdown: {} call event(s) written to {}", memoryEvents, spool.file());
                    memory.clear();
                    memoryEvents = 0;
                }
                spool.close();
            } catch (IOException e) {
                LOG.error("Could not keep {} call event(s) at shutdown: {}", memoryEvents, e.toString());
            }
        }
    }
}

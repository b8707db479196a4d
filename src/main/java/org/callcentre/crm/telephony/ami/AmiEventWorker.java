package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.asteriskjava.manager.event.ManagerEvent;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.shared.DatabaseFaults;
import org.callcentre.crm.calls.ingest.CallEvents;
import org.callcentre.crm.calls.ingest.CallEventsFull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes AMI events off asterisk-java's threads. One thread translates them in arrival order (the
 * translator remembers channels); the call events are then ingested by a few threads, each owning
 * a share of the calls, so that one call's events stay in order while different calls' database
 * round trips overlap. Whatever queued up meanwhile is ingested as one batch per thread, so a
 * burst costs one transaction rather than one per event; a call whose operator's phone rings jumps
 * that queue ({@link RingsFirst}), so its screen-pop does not wait for the backlog. A reconnect waits until every thread has
 * applied what arrived before it, so the reconciliation sees exactly that, and so does whoever
 * handles the {@link AmiOutage} the reconnect ended: it is published only after both.
 *
 * <p>At most {@code crm.ami.max-queued-events} events wait here (received, not yet stored): at
 * that cap the manager socket is not read until a stored batch makes room ({@link AmiEventCap}).
 */
@Singleton
@Requires(property = "crm.ami.host", pattern = ".+")
class AmiEventWorker {
    private static final Logger LOG = LoggerFactory.getLogger(AmiEventWorker.class);
    private static final int MAX_BATCH = 500;
    private static final int MAX_ATTEMPTS = 5;
    private static final java.time.Duration FULL_SPOOL_WAIT = java.time.Duration.ofSeconds(1);
    /** Asterisk's own answer to the channel list is awaited 15 s ({@link AmiConnector}); this is only a backstop. */
    private static final java.time.Duration CHANNEL_LIST_WAIT = java.time.Duration.ofSeconds(30);

    private final AmiCallEventTranslator translator;
    private final CallEvents ingestor;
    private final AmiReconciler reconciler;
    private final ApplicationEventPublisher<AmiOutage> outagesOver;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ExecutorService translating = Executors.newSingleThreadExecutor(r -> new Thread(r, "ami-events"));
    private final List<BlockingQueue<Object>> shards = new ArrayList<>();
    private final ExecutorService ingesting;
    /** Events received and not yet stored (or found to mean nothing), wherever they wait. */
    private final AmiEventCap queued;

    AmiEventWorker(AmiCallEventTranslator translator, CallEvents ingestor, AmiReconciler reconciler,
                   ApplicationEventPublisher<AmiOutage> outagesOver, @Value("${crm.ami.ingest-threads:2}") int ingestThreads,
                   @Value("${crm.ami.max-queued-events:50000}") int maxQueued) {
        this.queued = new AmiEventCap(maxQueued);
        this.translator = translator;
        this.ingestor = ingestor;
        this.reconciler = reconciler;
        this.outagesOver = outagesOver;
        int threads = Math.max(1, ingestThreads);
        this.ingesting = Executors.newFixedThreadPool(threads, r -> new Thread(r, "ami-ingest"));
        for (int i = 0; i < threads; i++) {
            BlockingQueue<Object> shard = new LinkedBlockingQueue<>();
            shards.add(shard);
            ingesting.execute(() -> ingestLoop(shard));
        }
        translating.execute(this::translateLoop);
    }

    /** A (re)login, Asterisk's answer (to come) which channels are up, and the outage it ended if any. */
    private record Reconnected(Instant at, Future<Set<String>> liveUniqueIds, Optional<AmiOutage> outage) {
    }

    /** A request to be told when everything queued before it has been applied. */
    private record Flush(CountDownLatch done) {
    }

    /**
     * Called on asterisk-java's event thread: queues the event. Waits only in the rare case that
     * the events parsed before reading stopped reach the cap ({@link AmiEventCap}).
     */
    void receive(ManagerEvent event) throws InterruptedException {
        queued.received();
        queue.add(event);
    }

    /** What the manager socket's reading waits on. */
    AmiEventCap cap() {
        return queued;
    }

    int queued() {
        return queued.count();
    }

    int maxQueued() {
        return queued.max();
    }

    /** The manager socket is not read now: the cap is reached. */
    boolean readingHeld() {
        return queued.readerWaits();
    }

    /** @param liveUniqueIds asked for at the login, so that the answer comes before the events that follow fill the queue */
    void reconnected(Instant at, Future<Set<String>> liveUniqueIds, Optional<AmiOutage> outage) {
        queue.add(new Reconnected(at, liveUniqueIds, outage));
    }

    private void translateLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Object item = queue.take();
                if (item instanceof ManagerEvent event) {
                    translate(event);
                } else if (item instanceof Reconnected reconnected) {
                    awaitShardsDrained();
                    awaitKeptEventsApplied();
                    reconcile(reconnected);
                    reconnected.outage().ifPresent(this::announce);
                } else if (item instanceof Flush flush) {
                    awaitShardsDrained();
                    flush.done().countDown();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void translate(ManagerEvent event) {
        try {
            Optional<CallEvent> translated = translator.translate(event);
            translated.ifPresentOrElse(e -> shards.get(Math.floorMod(e.callKey().hashCode(), shards.size())).add(e),
                    () -> queued.done(1));
        } catch (RuntimeException e) {
            queued.done(1);
            LOG.warn("AMI event {} not understood: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void awaitShardsDrained() throws InterruptedException {
        CountDownLatch drained = new CountDownLatch(shards.size());
        shards.forEach(shard -> shard.add(drained));
        drained.await();
    }

    /**
     * Takes what queued up, applies the calls that ring first ({@link RingsFirst}), then up to
     * {@link #MAX_BATCH} events from the head; a flush marker counts down once everything before it
     * is applied. Everything queued is indexed at once: the queue is bounded by {@code max-queued-events}.
     */
    private void ingestLoop(BlockingQueue<Object> shard) {
        RingsFirst pending = new RingsFirst();
        List<Object> arrived = new ArrayList<>();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (pending.isEmpty()) {
                    pending.add(shard.take());
                }
                shard.drainTo(arrived);
                arrived.forEach(pending::add);
                arrived.clear();
                ingestQueued(pending.takeRinging());
                ingestQueued(pending.poll(MAX_BATCH));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events taken off the queue: stored now, they no longer count against the cap. */
    private void ingestQueued(List<CallEvent> events) throws InterruptedException {
        ingest(events);
        queued.done(events.size());
    }

    /**
     * Events kept while PostgreSQL was away may end the very legs the reconciliation would look at:
     * it waits for them, or it would end live channels' calls from a stale picture.
     */
    private void awaitKeptEventsApplied() throws InterruptedException {
        while (!ingestor.awaitKeptApplied(java.time.Duration.ofMinutes(1))) {
            LOG.info("AMI: reconciliation waits for the call events kept while PostgreSQL is unreachable");
        }
    }

    private void reconcile(Reconnected reconnected) throws InterruptedException {
        Set<String> live;
        try {
            live = reconnected.liveUniqueIds().get(CHANNEL_LIST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Without Asterisk's list nothing can be known to be gone: better a call left open than one cut short.
            LOG.warn("AMI: could not list live channels after reconnecting, open calls are left as they are: {}", e.toString());
            return;
        }
        List<CallEvent> endings;
        try {
            endings = reconciler.endGoneChannels(reconnected.at(), live);
        } catch (RuntimeException e) {
            // This thread must go on translating events; the next reconnect reconciles again.
            LOG.error("AMI: could not compare open calls with Asterisk's channels: {}", e.toString());
            return;
        }
        if (!endings.isEmpty()) {
            LOG.info("AMI: {} channel(s) of open calls hung up while disconnected; ended at {}", endings.size(), reconnected.at());
            ingest(endings);
        }
    }

    private void announce(AmiOutage outage) {
        try {
            outagesOver.publishEvent(outage);
        } catch (RuntimeException e) {
            // This thread must go on applying events whatever a listener does.
            LOG.error("AMI: outage {} – {} not handed on: {}", outage.start(), outage.end(), e.toString());
        }
    }

    private void ingest(List<CallEvent> events) throws InterruptedException {
        if (events.isEmpty()) {
            return;
        }
        try {
            ingestWhenTaken(events);
        } catch (RuntimeException batchFailed) {
            // One call that cannot be applied must not take the other calls of the batch down with it.
            for (Collection<CallEvent> call : byCall(events)) {
                try {
                    ingestWhenTaken(List.copyOf(call));
                } catch (RuntimeException e) {
                    LOG.error("AMI events of call {} not applied: {}", call.iterator().next().callKey(), e.toString());
                }
            }
        }
    }

    /**
     * PostgreSQL away and the spool full: the events wait here, and with them this thread, so the
     * queue fills and the connector pauses the link. Dropping them would lose calls silently.
     */
    private void ingestWhenTaken(List<CallEvent> events) throws InterruptedException {
        while (true) {
            try {
                ingestRetryingConflicts(events);
                return;
            } catch (CallEventsFull full) {
                LOG.debug("AMI: {} call event(s) wait for room in the spool: {}", events.size(), full.getMessage());
                Thread.sleep(FULL_SPOOL_WAIT.toMillis());
            }
        }
    }

    /**
     * Ingest threads (and the webhook worker) update shared statistics rows; PostgreSQL may break a
     * lock cycle between two of them by aborting one. Such a batch is simply run again. While
     * PostgreSQL is unreachable the buffer keeps the batch instead.
     */
    private void ingestRetryingConflicts(List<CallEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                ingestor.accept(events);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !DatabaseFaults.lockConflict(e)) {
                    throw e;
                }
                LOG.debug("AMI batch hit a lock conflict, attempt {}: {}", attempt, e.toString());
            }
        }
    }

    private static Collection<List<CallEvent>> byCall(List<CallEvent> events) {
        Map<String, List<CallEvent>> calls = new LinkedHashMap<>();
        events.forEach(e -> calls.computeIfAbsent(e.callKey(), k -> new ArrayList<>()).add(e));
        return calls.values();
    }

    /** Waits until every event received so far is in the database; what shutting down waits for. */
    boolean drain(java.time.Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        queue.add(new Flush(done));
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (!drain(java.time.Duration.ofSeconds(10))) {
            LOG.warn("AMI: events still being applied at shutdown; the reconnect reconciliation will settle their calls");
        }
        queued.release();
        translating.shutdownNow();
        ingesting.shutdownNow();
        translating.awaitTermination(10, TimeUnit.SECONDS);
        ingesting.awaitTermination(10, TimeUnit.SECONDS);
    }
}

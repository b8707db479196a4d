package org.callcentre.crm.telephony.ami;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.asteriskjava.manager.event.ManagerEvent;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventIngestor;
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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes AMI events off asterisk-java's threads and applies them on one thread of its own: what
 * has queued up meanwhile is translated and ingested as one batch, so a burst costs one
 * transaction rather than one per event. A reconnect is queued in line with the events, so the
 * reconciliation sees exactly what arrived before it, and so does whoever handles the
 * {@link AmiOutage} the reconnect ended: it is published only after both.
 */
@Singleton
@Requires(property = "crm.ami.host", pattern = ".+")
class AmiEventWorker {
    private static final Logger LOG = LoggerFactory.getLogger(AmiEventWorker.class);
    private static final int MAX_BATCH = 500;

    private final AmiCallEventTranslator translator;
    private final CallEventIngestor ingestor;
    private final AmiReconciler reconciler;
    private final ApplicationEventPublisher<AmiOutage> outagesOver;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ami-events"));

    AmiEventWorker(AmiCallEventTranslator translator, CallEventIngestor ingestor, AmiReconciler reconciler,
                   ApplicationEventPublisher<AmiOutage> outagesOver) {
        this.translator = translator;
        this.ingestor = ingestor;
        this.reconciler = reconciler;
        this.outagesOver = outagesOver;
        thread.execute(this::run);
    }

    /** A (re)login, with the way to ask Asterisk which channels are up, and the outage it ended if any. */
    private record Reconnected(Instant at, Callable<Set<String>> liveUniqueIds, Optional<AmiOutage> outage) {
    }

    /** Called on asterisk-java's event thread: only queues. */
    void offer(ManagerEvent event) {
        queue.add(event);
    }

    void reconnected(Instant at, Callable<Set<String>> liveUniqueIds, Optional<AmiOutage> outage) {
        queue.add(new Reconnected(at, liveUniqueIds, outage));
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<Object> batch = new ArrayList<>();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                apply(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(List<Object> batch) {
        List<CallEvent> events = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof ManagerEvent event) {
                translate(event, events);
            } else if (item instanceof Reconnected reconnected) {
                ingest(events);
                events.clear();
                reconcile(reconnected);
                reconnected.outage().ifPresent(this::announce);
            }
        }
        ingest(events);
    }

    private void translate(ManagerEvent event, List<CallEvent> into) {
        try {
            translator.translate(event).ifPresent(into::add);
        } catch (RuntimeException e) {
            LOG.warn("AMI event {} not understood: {}", event.getClass().getSimpleName(), e.toString());
        }
    }

    private void reconcile(Reconnected reconnected) {
        Set<String> live;
        try {
            live = reconnected.liveUniqueIds().call();
        } catch (Exception e) {
            // Without Asterisk's list nothing can be known to be gone: better a call left open than one cut short.
            LOG.warn("AMI: could not list live channels after reconnecting, open calls are left as they are: {}", e.toString());
            return;
        }
        List<CallEvent> endings = reconciler.endGoneChannels(reconnected.at(), live);
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

    private void ingest(List<CallEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            ingestor.ingest(events);
        } catch (RuntimeException batchFailed) {
            // One call that cannot be applied must not take the other calls of the batch down with it.
            for (Collection<CallEvent> call : byCall(events)) {
                try {
                    ingestor.ingest(List.copyOf(call));
                } catch (RuntimeException e) {
                    LOG.error("AMI events of call {} not applied: {}", call.iterator().next().callKey(), e.toString());
                }
            }
        }
    }

    private static Collection<List<CallEvent>> byCall(List<CallEvent> events) {
        Map<String, List<CallEvent>> calls = new LinkedHashMap<>();
        events.forEach(e -> calls.computeIfAbsent(e.callKey(), k -> new ArrayList<>()).add(e));
        return calls.values();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}

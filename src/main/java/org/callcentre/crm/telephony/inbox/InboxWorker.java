package org.callcentre.crm.telephony.inbox;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;
import org.callcentre.crm.calls.ingest.CallEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies stored webhook events to the domain on one background thread, woken by each new entry
 * and by a timer (which also picks up whatever an earlier process acknowledged but did not apply).
 */
@Singleton
public class InboxWorker implements ApplicationEventListener<ServerStartupEvent> {
    /** Moments that change an operator's live state, each kept a change of its own. */
    private static final Set<CallEventKind> LIVE_MOMENTS = EnumSet.of(CallEventKind.RINGING, CallEventKind.ANSWERED,
            CallEventKind.JOINED, CallEventKind.HELD, CallEventKind.RESUMED, CallEventKind.TRANSFERRED);

    private static final Logger LOG = LoggerFactory.getLogger(InboxWorker.class);
    private static final int BATCH = 200;
    /** Translations kept beyond this many pending entries are not kept: their payloads are parsed again when applied. */
    private static final int MAX_KEPT_TRANSLATIONS = 20_000;

    private final TelephonyInbox inbox;
    private final InboxBounds bounds;
    private final CallEvents ingestor;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, InboxTranslator> translators;
    private final int maxAttempts;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "telephony-inbox"));
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Map<Long, Received> translations = new ConcurrentHashMap<>();
    private final Queue<Long> rings = new ConcurrentLinkedQueue<>();

    public InboxWorker(TelephonyInbox inbox, InboxBounds bounds, CallEvents ingestor, TransactionOperations<Connection> transactions,
                       List<InboxTranslator> translators, @Value("${crm.inbox.max-attempts:10}") int maxAttempts) {
        this.inbox = inbox;
        this.bounds = bounds;
        this.ingestor = ingestor;
        this.transactions = transactions;
        this.translators = translators.stream().collect(Collectors.toMap(InboxTranslator::source, Function.identity()));
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        wake();
    }

    @Scheduled(fixedDelay = "${crm.inbox.poll-interval:5s}", initialDelay = "5s")
    void poll() {
        wake();
    }

    /** Asks for a drain; many wake-ups while one is pending cost nothing. */
    public void wake() {
        if (scheduled.compareAndSet(false, true) && !thread.isShutdown()) {
            thread.execute(this::drain);
        }
    }

    /**
     * Entries just committed by {@link InboxWriter}: their translations are kept for this worker (so
     * the payload is not parsed again), and those in which a phone rings join the fast lane.
     */
    void received(List<Long> ids, List<Received> webhooks) {
        for (int i = 0; i < ids.size(); i++) {
            Received webhook = webhooks.get(i);
            if (translations.size() < MAX_KEPT_TRANSLATIONS) {
                translations.put(ids.get(i), webhook);
            }
            if (webhook.rings()) {
                rings.add(ids.get(i));
            }
        }
        wake();
    }

    private void drain() {
        scheduled.set(false);
        try {
            do {
                applyRings();
            } while (drainBatch() > 0);
        } catch (RuntimeException e) {
            LOG.warn("Telephony inbox: batch failed, will retry: {}", e.toString());
        }
    }

    private int drainBatch() {
        try {
            return applyInTransaction(BATCH);
        } catch (RuntimeException batchFailed) {
            // Find the entry that fails, one at a time, so that it does not hold up the rest.
            try {
                return applyInTransaction(1);
            } catch (RuntimeException failed) {
                LOG.warn("Telephony inbox entry failed, attempt counted: {}", failed.toString());
                return transactions.executeWrite(status -> {
                    List<TelephonyInbox.Entry> entries = inbox.claim(1, maxAttempts);
                    entries.forEach(entry -> inbox.markFailed(entry.id(), failed.toString()));
                    return entries.size();
                });
            }
        }
    }

    private int applyInTransaction(int max) {
        return committed(transactions.executeWrite(status -> apply(inbox.claim(max, maxAttempts))));
    }

    /** Entries applied or set aside, committed: they no longer count against the inbox's cap. */
    private int committed(int entries) {
        bounds.applied(entries);
        return entries;
    }

    /**
     * The fast lane: entries in which an operator's phone starts ringing are applied in a transaction
     * of their own before the next batch of older entries, so that a pop waits for one small commit,
     * not for the backlog. If that fails, the ordinary batches apply them.
     */
    private void applyRings() {
        List<Long> ids = new ArrayList<>();
        for (Long id = rings.poll(); id != null; id = rings.poll()) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            committed(transactions.executeWrite(status -> apply(inbox.claim(ids, maxAttempts))));
        } catch (RuntimeException e) {
            LOG.debug("Telephony inbox: rings left to the ordinary batches: {}", e.toString());
        }
    }

    /**
     * The claimed entries are translated, then ingested in as few calls as possible (in the inbox's
     * own transaction) and marked applied in one statement: every pop of the batch waits for one
     * commit, and a batch costs the ingest's statements, not those times the entries. A call with a
     * live moment (ring, answer, hold, transfer) in the pending events that has later events in the
     * batch is ingested up to that moment first, so that the moment is a change of its own: the ring
     * pops and supervisors see the operator ringing, then on the call, then in wrap-up, though the
     * call ends within the same batch.
     */
    private int apply(List<TelephonyInbox.Entry> entries) {
        List<CallEvent> pending = new ArrayList<>();
        Set<String> livePending = new HashSet<>();
        List<Long> applied = new ArrayList<>();
        for (TelephonyInbox.Entry entry : entries) {
            List<CallEvent> events = new ArrayList<>();
            if (!translate(entry, events)) {
                continue;
            }
            applied.add(entry.id());
            if (events.stream().anyMatch(e -> livePending.contains(e.callKey()))) {
                ingestor.acceptAcknowledged(pending);
                pending = new ArrayList<>();
                livePending.clear();
            }
            pending.addAll(events);
            events.stream().filter(e -> LIVE_MOMENTS.contains(e.kind())).forEach(e -> livePending.add(e.callKey()));
        }
        if (!pending.isEmpty()) {
            ingestor.acceptAcknowledged(pending);
        }
        if (!applied.isEmpty()) {
            inbox.markProcessed(applied);
        }
        return entries.size();
    }

    /** @return true when the entry's events (if any) joined {@code events}; false when it was set aside */
    private boolean translate(TelephonyInbox.Entry entry, List<CallEvent> events) {
        Received atReceipt = translations.remove(entry.id());
        if (atReceipt != null) {
            if (atReceipt.unreadable() != null) {
                setAside(entry, atReceipt.unreadable());
                return false;
            }
            events.addAll(atReceipt.events());
            return true;
        }
        InboxTranslator translator = translators.get(entry.source());
        if (translator == null) {
            inbox.markProcessed(entry.id(), "no translator for source " + entry.source());
            return false;
        }
        try {
            events.addAll(translator.translate(entry.eventType(), entry.payload()));
            return true;
        } catch (IllegalArgumentException unreadable) {
            setAside(entry, unreadable.getMessage());
            return false;
        }
    }

    /** A payload we cannot read will not become readable by retrying: keep it for inspection. */
    private void setAside(TelephonyInbox.Entry entry, String why) {
        LOG.warn("Telephony inbox entry {} ({} {}) not applied: {}", entry.id(), entry.source(), entry.eventType(), why);
        inbox.markProcessed(entry.id(), why);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}

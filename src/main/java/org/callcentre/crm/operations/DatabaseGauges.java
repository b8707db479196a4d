package org.callcentre.crm.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Figures read from the database on a schedule ({@code crm.metrics.refresh-interval}), never during a
 * scrape: events stored by source, ingest lag, the webhook backlog, SIP line states, the recording
 * and transcription queue. A cluster's
 * nodes share one database, so each reports the same figures.
 */
@Singleton
class DatabaseGauges implements MeterBinder {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauges.class);
    private static final List<String> LINE_STATES = List.of("up", "down", "unknown");
    private static final List<String> JOB_KINDS = List.of("fetch_recording", "transcribe");
    private static final List<String> OPEN_JOB_STATES = List.of("queued", "running");

    private final BeanProvider<OperationsRepository> repositories;
    private final Map<String, DoubleAdder> eventsBySource = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> linesByState = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> openJobs = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;
    private volatile long lastEventId = -1;
    private volatile double ingestLagSeconds;
    private volatile double inboxPending;
    private volatile double inboxOldestSeconds;

    /**
     * The repository is looked up when first used: the meter registry is built before the data source,
     * whose pool reports to that registry, so a direct dependency would be a cycle.
     */
    DatabaseGauges(BeanProvider<OperationsRepository> repositories) {
        this.repositories = repositories;
        LINE_STATES.forEach(state -> linesByState.put(state, new AtomicLong()));
        JOB_KINDS.forEach(kind -> OPEN_JOB_STATES.forEach(state -> openJobs.put(kind + "/" + state, new AtomicLong())));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("crm.ingest.lag", this, g -> g.ingestLagSeconds).baseUnit("seconds")
                .description("Longest wait between a PBX event and its row, among the events stored in the last interval")
                .register(registry);
        Gauge.builder("crm.telephony.inbox.pending", this, g -> g.inboxPending)
                .description("Webhooks received but not yet applied").register(registry);
        Gauge.builder("crm.telephony.inbox.oldest", this, g -> g.inboxOldestSeconds).baseUnit("seconds")
                .description("Age of the oldest webhook not yet applied").register(registry);
        linesByState.forEach((state, count) -> Gauge.builder("crm.sip.lines", count, AtomicLong::get).tag("state", state)
                .description("Enabled SIP lines by the state of their last probe").register(registry));
        openJobs.forEach((key, count) -> Gauge.builder("crm.jobs", count, AtomicLong::get)
                .tag("kind", key.substring(0, key.indexOf('/'))).tag("state", key.substring(key.indexOf('/') + 1))
                .description("Recording fetches and transcriptions queued or running").register(registry));
    }

    @Scheduled(fixedDelay = "${crm.metrics.refresh-interval:15s}", initialDelay = "1s")
    void refresh() {
        OperationsRepository repository = repositories.get();
        try {
            readEvents(repository);
            OperationsRepository.Backlog backlog = repository.inboxBacklog();
            inboxPending = backlog.pending();
            inboxOldestSeconds = backlog.oldestSeconds();
            List<OperationsRepository.LineState> lines = repository.enabledLineStates();
            LINE_STATES.forEach(state -> linesByState.get(state).set(lines.stream().filter(l -> l.state().equals(state)).count()));
            List<OperationsRepository.OpenJobs> jobs = repository.openJobs();
            openJobs.forEach((key, count) -> count.set(jobs.stream().filter(j -> key.equals(j.kind() + "/" + j.status()))
                    .mapToLong(OperationsRepository.OpenJobs::count).sum()));
        } catch (RuntimeException e) {
            // the database's own health indicator reports the outage; the figures keep their last values
            LOG.debug("Metrics not refreshed: {}", e.toString());
        }
    }

    /** A running count since start-up, read incrementally by primary key: a count(*) over years of events would not do. */
    private void readEvents(OperationsRepository repository) {
        long newest = repository.lastEventId();
        if (lastEventId < 0 || newest < lastEventId) {
            // first read, or the table was emptied or restored from a backup: count from here
            lastEventId = newest;
            return;
        }
        double lag = 0;
        for (OperationsRepository.NewEvents batch : repository.eventsAfter(lastEventId)) {
            counterFor(batch.source()).add(batch.count());
            lastEventId = Math.max(lastEventId, batch.lastId());
            lag = Math.max(lag, batch.maxLagSeconds());
        }
        ingestLagSeconds = lag;
    }

    private DoubleAdder counterFor(String source) {
        return eventsBySource.computeIfAbsent(source, s -> {
            DoubleAdder adder = new DoubleAdder();
            if (registry != null) {
                FunctionCounter.builder("crm.events.ingested", adder, DoubleAdder::sum).tag("source", s)
                        .description("Telephony events stored since this node started").register(registry);
            }
            return adder;
        });
    }
}

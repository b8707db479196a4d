package org.callcentre.crm.calls.ingest;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.Call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a batch of call events in one transaction, for {@link IngestBuffer} (the {@link CallEvents} door). Each call's events are kept
 * once and its row re-derived from all of them, which is what makes ingestion idempotent and
 * indifferent to the order events arrive in. Then every {@link CallProjection} runs once for the
 * batch, in its declared order; {@link CallChanged} is published for listeners after commit.
 */
@Singleton
class CallEventIngestor {
    private final CallEventStore events;
    private final CallTimelines timelines;
    private final CallLinker linker;
    private final CallRowWriter rows;
    private final List<CallProjection> projections;
    private final ApplicationEventPublisher<CallChanged> changes;

    CallEventIngestor(CallEventStore events, CallTimelines timelines, CallLinker linker, CallRowWriter rows,
                      List<CallProjection> projections, ApplicationEventPublisher<CallChanged> changes) {
        this.events = events;
        this.timelines = timelines;
        this.linker = linker;
        this.rows = rows;
        this.projections = projections.stream()
                .sorted(Comparator.comparingInt(CallProjection::order).thenComparing(p -> p.getClass().getName())).toList();
        this.changes = changes;
    }

    /** @return the calls that changed, in the order their first event appears in the batch */
    @Transactional
    List<CallChanged> ingest(List<CallEvent> batch) {
        Map<String, List<CallEvent>> bySource = new LinkedHashMap<>();
        for (CallEvent event : batch) {
            bySource.computeIfAbsent(event.source(), k -> new ArrayList<>()).add(event);
        }
        List<CallChanged> changed = new ArrayList<>();
        events.lockCalls(batch.stream().map(CallRef::of).distinct().toList());
        bySource.forEach((source, sourceEvents) -> changed.addAll(ingest(source, sourceEvents)));
        if (!changed.isEmpty()) {
            List<CallChanged> byCallId = changed.stream().sorted(Comparator.comparingLong(CallChanged::callId)).toList();
            projections.forEach(projection -> projection.project(byCallId));
            // Heard only after commit (pops, presence, wallboard): no listener runs inside this transaction.
            changed.forEach(changes::publishEvent);
        }
        return changed;
    }

    private List<CallChanged> ingest(String source, List<CallEvent> batch) {
        Set<String> fresh = events.append(source, batch);
        if (fresh.isEmpty()) {
            return List.of();
        }
        Map<String, List<CallEvent>> freshByCall = new LinkedHashMap<>();
        for (CallEvent event : batch) {
            if (fresh.contains(event.eventId())) {
                freshByCall.computeIfAbsent(event.callKey(), k -> new ArrayList<>()).add(event);
            }
        }
        Map<String, List<CallEvent>> timelines = this.timelines.of(source, freshByCall);
        Map<String, CallRowWriter.StoredCall> earlier = rows.existing(source, freshByCall.keySet());
        Map<String, CallOutcome> outcomes = new HashMap<>();
        Map<String, CallLinks> earlierLinks = new HashMap<>();
        freshByCall.keySet().forEach(callKey -> {
            CallRowWriter.StoredCall before = earlier.get(callKey);
            outcomes.put(callKey, CallTimeline.fold(timelines.get(callKey), before == null ? null : before.endedAt()));
            if (before != null) {
                earlierLinks.put(callKey, before.links());
            }
        });
        Map<String, CallLinks> links = linker.linkAll(outcomes, earlierLinks);
        Map<String, Call> stored = rows.upsertAll(source, outcomes.entrySet().stream()
                .map(o -> new CallRowWriter.Row(o.getKey(), o.getValue(), links.get(o.getKey()))).toList());
        List<CallChanged> changed = new ArrayList<>();
        Set<String> ended = new HashSet<>();
        freshByCall.forEach((callKey, newEvents) -> {
            CallOutcome outcome = outcomes.get(callKey);
            CallRowWriter.StoredCall before = earlier.get(callKey);
            changed.add(new CallChanged(stored.get(callKey), outcome, links.get(callKey), newEvents,
                    outcome.ended() ? List.of() : linker.rung(newEvents), before == null ? null : before.status()));
            if (outcome.ended()) {
                ended.add(callKey);
            }
        });
        this.timelines.rememberAfterCommit(source, timelines, ended);
        return changed;
    }
}

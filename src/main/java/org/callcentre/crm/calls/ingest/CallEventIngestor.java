package org.callcentre.crm.calls.ingest;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way call events enter the domain, whatever PBX sent them. Each call's events are kept
 * once and its row re-derived from all of them, which is what makes ingestion idempotent and
 * indifferent to the order events arrive in.
 */
@Singleton
public class CallEventIngestor {
    private final CallEventStore events;
    private final CallLinker linker;
    private final CallRowWriter rows;
    private final ApplicationEventPublisher<CallChanged> changes;

    public CallEventIngestor(CallEventStore events, CallLinker linker, CallRowWriter rows,
                             ApplicationEventPublisher<CallChanged> changes) {
        this.events = events;
        this.linker = linker;
        this.rows = rows;
        this.changes = changes;
    }

    /** @return the calls that changed */
    @Transactional
    public List<CallChanged> ingest(List<CallEvent> batch) {
        Map<String, List<CallEvent>> byCall = new LinkedHashMap<>();
        for (CallEvent event : batch) {
            byCall.computeIfAbsent(event.source() + "\u0000" + event.callKey(), k -> new ArrayList<>()).add(event);
        }
        List<CallChanged> changed = new ArrayList<>();
        for (List<CallEvent> callEvents : byCall.values()) {
            CallEvent first = callEvents.get(0);
            events.lockCall(first.source(), first.callKey());
            List<CallEvent> fresh = callEvents.stream().filter(events::append).toList();
            if (fresh.isEmpty()) {
                continue;
            }
            CallOutcome outcome = CallTimeline.fold(events.eventsOf(first.source(), first.callKey()));
            CallLinks links = linker.link(outcome);
            long callId = rows.upsert(first.source(), first.callKey(), outcome, links);
            CallChanged change = new CallChanged(callId, outcome, links, fresh);
            changed.add(change);
            changes.publishEvent(change);
        }
        return changed;
    }
}

package org.callcentre.crm.telephony.ami;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallEnding;
import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;
import org.callcentre.crm.calls.ingest.StoredCallEvents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * After a (re)connect, compares the calls we think are still going with the channels Asterisk
 * lists ({@code CoreShowChannels}). A channel it no longer has hung up while we were not
 * listening: it is ended at the reconnect time, the first moment we know it is gone, as
 * {@link CallEnding#LOST} (when and how it ended are unknown, so the call's talk and hold are
 * unknown too, unless the CDR backfill later brings its real end), and the call ends once none of
 * its channels is left. Live channels are left alone. A call that began and ended entirely during the outage is not in
 * AMI at all: {@link AmiGapRecorder} backfills it from the CDR table or reports the gap.
 */
@Singleton
class AmiReconciler {
    private final AmiCallRepository openCalls;
    private final StoredCallEvents events;

    AmiReconciler(AmiCallRepository openCalls, StoredCallEvents events) {
        this.openCalls = openCalls;
        this.events = events;
    }

    /** @return the leg endings to ingest */
    @Transactional
    List<CallEvent> endGoneChannels(Instant reconnectedAt, Set<String> liveUniqueIds) {
        List<CallEvent> endings = new ArrayList<>();
        List<String> openCallKeys = openCalls.openCallKeys();
        Map<String, List<CallEvent>> timelines = events.eventsOf(AmiCallEventTranslator.SOURCE, openCallKeys);
        for (String callKey : openCallKeys) {
            Set<String> openLegs = new HashSet<>();
            Set<String> endedLegs = new HashSet<>();
            for (CallEvent event : timelines.getOrDefault(callKey, List.of())) {
                if (event.legId() != null) {
                    (event.kind() == CallEventKind.ENDED ? endedLegs : openLegs).add(event.legId());
                }
            }
            openLegs.removeAll(endedLegs);
            openLegs.removeAll(liveUniqueIds);
            for (String leg : openLegs) {
                endings.add(CallEvent.builder(AmiCallEventTranslator.SOURCE, callKey, leg + ":Reconciled", reconnectedAt,
                        CallEventKind.ENDED).leg(leg).ending(CallEnding.LOST).build());
            }
        }
        return endings;
    }
}

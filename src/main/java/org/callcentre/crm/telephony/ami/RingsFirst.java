package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast lane of an ingest thread's queue: a call whose operator's phone rings is applied before
 * the events queued ahead of it, so that its screen-pop waits for one small commit rather than for
 * the backlog of other calls. The ring takes its own call's earlier queued events along (the pop
 * needs the caller and the dialled number, which the call's first events carry); events queued
 * after the ring stay where they are, so one call's events are still applied in order and the ring
 * stays a change of its own. A ring whose call or leg already ended further down the queue is left
 * in place: that call is not ringing any more. Nothing moves across a flush marker.
 */
final class RingsFirst {
    private RingsFirst() {
    }

    /** Removes from {@code queued} and returns (in queue order) the ringing calls' events up to their last ring. */
    static List<CallEvent> take(Deque<Object> queued) {
        Map<String, Integer> lastRing = new HashMap<>();
        Map<String, Set<String>> ringingLegs = new HashMap<>();
        Set<String> over = new HashSet<>();
        int index = 0;
        for (Object item : queued) {
            if (!(item instanceof CallEvent event)) {
                break;
            }
            String call = event.callKey();
            if (event.kind() == CallEventKind.RINGING) {
                lastRing.put(call, index);
                over.remove(call);
                ringingLegs.computeIfAbsent(call, k -> new HashSet<>()).add(event.legId());
            } else if (event.kind() == CallEventKind.ENDED && ringingLegs.containsKey(call)
                    && (event.legId() == null || ringingLegs.get(call).contains(event.legId()))) {
                over.add(call);
            }
            index++;
        }
        lastRing.keySet().removeAll(over);
        if (lastRing.isEmpty()) {
            return List.of();
        }
        List<CallEvent> ringing = new ArrayList<>();
        Iterator<Object> it = queued.iterator();
        for (int i = 0; i < index && it.hasNext(); i++) {
            CallEvent event = (CallEvent) it.next();
            Integer ring = lastRing.get(event.callKey());
            if (ring != null && i <= ring) {
                ringing.add(event);
                it.remove();
            }
        }
        return ringing;
    }
}

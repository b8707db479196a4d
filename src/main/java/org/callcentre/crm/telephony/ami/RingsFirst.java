package org.callcentre.crm.telephony.ami;

import org.callcentre.crm.calls.ingest.CallEvent;
import org.callcentre.crm.calls.ingest.CallEventKind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * An ingest thread's queue with a fast lane: a call whose operator's phone rings is applied before
 * the events queued ahead of it, so that its screen-pop waits for one small commit rather than for
 * the backlog of other calls. The ring takes its own call's earlier queued events along (the pop
 * needs the caller and the dialled number, which the call's first events carry); events queued
 * after the ring stay where they are, so one call's events are still applied in order and the ring
 * stays a change of its own. A ring whose call or leg already ended further down the queue is left
 * in place: that call is not ringing any more. Nothing moves across a flush marker.
 *
 * <p>The rings are indexed as events are added (per call: its queued events, its last ring, which
 * legs ring): finding the ringing calls costs the number of ringing calls, not a scan of the whole
 * queue, which at full rate holds tens of thousands of events and was scanned before every batch.
 * Not thread-safe: one ingest thread owns it.
 */
final class RingsFirst {
    private static final long NONE = -1;

    /** A queued item; taken out of the middle by the fast lane, it stays in the deque marked taken. */
    private static final class Entry {
        final Object item;
        final long seq;
        boolean taken;

        Entry(Object item, long seq) {
            this.item = item;
            this.seq = seq;
        }
    }

    /** One call's queued events and its ring state. */
    private static final class QueuedCall {
        final ArrayDeque<Entry> events = new ArrayDeque<>();
        /** Queued rings by leg (a count: a leg can ring again). */
        final Map<String, Integer> ringingLegs = new HashMap<>();
        long lastRing = NONE;
    }

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final Map<String, QueuedCall> calls = new HashMap<>();
    /** Calls with a queued ring that no later queued event ended: the candidates of the fast lane. */
    private final Set<String> ringing = new LinkedHashSet<>();
    private final ArrayDeque<Long> barriers = new ArrayDeque<>();
    private long nextSeq;
    private int size;

    /** Appends a call event or a flush marker ({@link CountDownLatch}, counted down once everything before it is taken). */
    void add(Object item) {
        Entry entry = new Entry(item, nextSeq++);
        queue.add(entry);
        size++;
        if (!(item instanceof CallEvent event)) {
            barriers.add(entry.seq);
            return;
        }
        String key = event.callKey();
        QueuedCall call = calls.computeIfAbsent(key, k -> new QueuedCall());
        call.events.add(entry);
        if (event.kind() == CallEventKind.RINGING) {
            call.lastRing = entry.seq;
            call.ringingLegs.merge(String.valueOf(event.legId()), 1, Integer::sum);
            ringing.add(key);
        } else if (event.kind() == CallEventKind.ENDED && !call.ringingLegs.isEmpty()
                && (event.legId() == null || call.ringingLegs.containsKey(event.legId()))) {
            ringing.remove(key);
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Removes and returns (in queue order) the ringing calls' events up to their last ring. */
    List<CallEvent> takeRinging() {
        long barrier = barriers.isEmpty() ? Long.MAX_VALUE : barriers.peekFirst();
        List<Entry> taken = new ArrayList<>();
        for (var it = ringing.iterator(); it.hasNext(); ) {
            String key = it.next();
            QueuedCall call = calls.get(key);
            if (call.lastRing > barrier) {
                continue;
            }
            while (!call.events.isEmpty() && call.events.peekFirst().seq <= call.lastRing) {
                Entry entry = call.events.pollFirst();
                entry.taken = true;
                taken.add(entry);
            }
            call.lastRing = NONE;
            call.ringingLegs.clear();
            it.remove();
            if (call.events.isEmpty()) {
                calls.remove(key);
            }
        }
        size -= taken.size();
        taken.sort(Comparator.comparingLong(e -> e.seq));
        return taken.stream().map(e -> (CallEvent) e.item).toList();
    }

    /**
     * Removes and returns up to {@code max} events from the head. A flush marker at the head is
     * counted down when no event precedes it in this batch; otherwise the batch ends before it.
     */
    List<CallEvent> poll(int max) {
        List<CallEvent> events = new ArrayList<>();
        while (!queue.isEmpty() && events.size() < max) {
            Entry entry = queue.peekFirst();
            if (entry.taken) {
                queue.pollFirst();
                continue;
            }
            if (entry.item instanceof CountDownLatch drained) {
                if (!events.isEmpty()) {
                    break;
                }
                queue.pollFirst();
                barriers.pollFirst();
                size--;
                drained.countDown();
                continue;
            }
            queue.pollFirst();
            size--;
            CallEvent event = (CallEvent) entry.item;
            events.add(event);
            QueuedCall call = calls.get(event.callKey());
            call.events.pollFirst();
            if (event.kind() == CallEventKind.RINGING) {
                if (entry.seq == call.lastRing) {
                    // its last queued ring goes in this batch: nothing of the call is left to jump
                    call.lastRing = NONE;
                    call.ringingLegs.clear();
                    ringing.remove(event.callKey());
                } else {
                    call.ringingLegs.computeIfPresent(String.valueOf(event.legId()), (leg, n) -> n > 1 ? n - 1 : null);
                }
            }
            if (call.events.isEmpty()) {
                calls.remove(event.callKey());
            }
        }
        return events;
    }
}

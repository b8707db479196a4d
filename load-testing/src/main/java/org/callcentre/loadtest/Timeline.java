package org.callcentre.loadtest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A PBX's stream at a fixed rate, open loop. Slot {@code i} is due at {@code start + i / rate}
 * whatever happened to the slots before it; it carries the earliest due step of a call in
 * progress, or else the first step of a new call. So exactly {@code rate × seconds} items are
 * offered in the window, calls overlap (a ring lasts seconds while other calls go on), and each
 * item keeps its scheduled time: latency is counted from it, never from when the tool got round
 * to sending (no coordinated omission). After the window no call starts; the steps of calls in
 * progress follow at their own times.
 */
final class Timeline<T> {
    /** What a step means for the screen-pop: the first ringing event, or the event that ends the ring. */
    enum Mark { NONE, RING, RING_END }

    /** One event of a call, {@code offsetMillis} after the call's first one. */
    record Step<T>(long offsetMillis, T payload, Mark mark) {
    }

    /** A call written in the PBX's protocol: its key (the CRM's external id) and its steps, first one at offset 0. */
    record Scripted<T>(String key, List<Step<T>> steps) {
    }

    interface Script<T> {
        Scripted<T> write(PlannedCall call, long startNanos);
    }

    record Item<T>(long dueNanos, long order, T payload, Mark mark, String key, PlannedCall call) {
    }

    /** Where the items go: the AMI socket, or the webhook senders. */
    interface Sink<T> {
        void emit(Item<T> item, long scheduledNanos) throws Exception;

        /** The items emitted in this tick are complete. */
        default void flush() throws Exception {
        }
    }

    /** @param offered items due in the window; the window is {@code [startNanos, windowEndNanos)} */
    record Played(long offered, long startNanos, long windowEndNanos, long items, long calls, long endNanos) {
        double windowSeconds() {
            return (windowEndNanos - startNanos) / 1e9;
        }
    }

    private final CallMix mix;
    private final Script<T> script;
    private final PopWatch pops;
    private final PriorityQueue<Item<T>> pending = new PriorityQueue<>(
            Comparator.comparingLong((Item<T> i) -> i.dueNanos()).thenComparingLong(Item::order));
    private final Map<String, PlannedCall> started = new ConcurrentHashMap<>();
    private long order;

    Timeline(CallMix mix, Script<T> script, PopWatch pops) {
        this.mix = mix;
        this.script = script;
        this.pops = pops;
    }

    /** Every call started so far, by key. */
    Map<String, PlannedCall> calls() {
        return started;
    }

    Played play(double rate, int seconds, Sink<T> sink) throws Exception {
        long start = System.nanoTime();
        long slots = Math.round(rate * seconds);
        long windowEnd = start + seconds * 1_000_000_000L;
        long slot = 0;
        long items = 0;
        while (true) {
            long now = System.nanoTime();
            for (; slot < slots; slot++) {
                long due = start + (long) (slot * 1e9 / rate);
                if (due > now) {
                    break;
                }
                emit(sink, forSlot(due), due);
                items++;
            }
            if (slot >= slots) {
                while (!pending.isEmpty() && pending.peek().dueNanos() <= now) {
                    Item<T> item = pending.poll();
                    emit(sink, item, item.dueNanos());
                    items++;
                }
            }
            sink.flush();
            if (slot >= slots && pending.isEmpty()) {
                return new Played(slots, start, windowEnd, items, started.size(), System.nanoTime());
            }
            LockSupport.parkNanos(500_000);
        }
    }

    /**
     * As fast as the sink takes them, for {@code seconds}: the tool's own ceiling. The calls follow
     * a virtual clock at {@code nominalRate}, so the mix of first steps and later steps (and the
     * calls in progress) is the one of a real run at that rate, only sent without waiting.
     * @return items per second
     */
    double unpaced(double seconds, double nominalRate, Sink<T> sink) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long items = 0;
        long now = start;
        while (now < end) {
            for (int i = 0; i < 256; i++, items++) {
                emit(sink, forSlot(start + (long) (items * 1e9 / nominalRate)), System.nanoTime());
            }
            sink.flush();
            now = System.nanoTime();
        }
        return items / ((now - start) / 1e9);
    }

    private Item<T> forSlot(long slotNanos) {
        if (pending.isEmpty() || pending.peek().dueNanos() > slotNanos) {
            PlannedCall call = mix.next();
            Scripted<T> scripted = script.write(call, slotNanos);
            started.put(scripted.key(), call);
            for (Step<T> step : scripted.steps()) {
                pending.add(new Item<>(slotNanos + step.offsetMillis() * 1_000_000, order++, step.payload(), step.mark(),
                        scripted.key(), call));
            }
        }
        return pending.poll();
    }

    private void emit(Sink<T> sink, Item<T> item, long scheduledNanos) throws Exception {
        if (item.call().operatorConnected()) {
            if (item.mark() == Mark.RING) {
                pops.ring(item.key(), scheduledNanos);
            } else if (item.mark() == Mark.RING_END) {
                pops.ringEnded(item.key(), scheduledNanos);
            }
        }
        sink.emit(item, scheduledNanos);
    }
}

package org.callcentre.loadtest;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rings of calls to operators with a WebSocket open, and the screen-pops they got. A pop counts
 * as on time only if it arrived while its call was still ringing (before the event that ends the
 * ring was due); its latency runs from the ring event's scheduled time. Late pops, rings without a
 * pop and pops nobody rang for are counted apart.
 */
final class PopWatch {
    private static final class Ring {
        final long ringNanos;
        volatile long endNanos = Long.MAX_VALUE;
        volatile boolean popped;

        Ring(long ringNanos) {
            this.ringNanos = ringNanos;
        }
    }

    private final ConcurrentHashMap<String, Ring> rings = new ConcurrentHashMap<>();
    private final LatencyRecorder whileRinging = new LatencyRecorder();
    private final LatencyRecorder late = new LatencyRecorder();
    private final AtomicLong repeated = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();

    void ring(String key, long scheduledNanos) {
        rings.putIfAbsent(key, new Ring(scheduledNanos));
    }

    void ringEnded(String key, long scheduledNanos) {
        Ring ring = rings.get(key);
        if (ring != null) {
            ring.endNanos = scheduledNanos;
        }
    }

    void popped(String key, long arrivalNanos) {
        Ring ring = rings.get(key);
        if (ring == null) {
            unknown.incrementAndGet();
            return;
        }
        synchronized (ring) {
            if (ring.popped) {
                repeated.incrementAndGet();
                return;
            }
            ring.popped = true;
        }
        (arrivalNanos < ring.endNanos ? whileRinging : late).record(arrivalNanos - ring.ringNanos);
    }

    LatencyRecorder whileRinging() {
        return whileRinging;
    }

    long rings() {
        return rings.size();
    }

    long withoutPop() {
        return rings.values().stream().filter(r -> !r.popped).count();
    }

    String summary() {
        return String.format("""
                rings to connected operators %d
                  popped while ringing      %s
                  popped after the ring     %d%s
                  no pop at all             %d
                  repeated / unknown pops   %d / %d""",
                rings(), whileRinging.summary(), late.count(), late.count() == 0 ? "" : " (" + late.summary() + ")",
                withoutPop(), repeated.get(), unknown.get());
    }
}

package org.callcentre.crm.telephony.ami;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Counts the AMI events received and not yet stored (or found to mean nothing), and holds them to
 * {@code crm.ami.max-queued-events}. Back-pressure, not loss: at the cap the manager socket is no
 * longer read ({@link #awaitReadingRoom}), so TCP holds Asterisk's further events in the socket
 * buffers and then makes Asterisk wait; reading goes on as soon as a stored batch makes room.
 *
 * <p>Reading stops a little below the cap, because asterisk-java hands parsed events to the
 * listener through a queue of its own (20 000 events, and it drops what does not fit): the events
 * the reader parsed before it stopped still arrive. Should they reach the cap itself, their handing
 * over waits ({@link #received}) — the cap is never passed, and asterisk-java's queue never fills
 * because nothing more is read meanwhile.
 */
final class AmiEventCap {
    /** How often a waiting reader looks again even without a signal: a closed socket must not keep it waiting. */
    private static final long LOOK_AGAIN_MILLIS = 100;

    private final int max;
    private final int readingLimit;
    private final AtomicInteger count = new AtomicInteger();
    private final Object room = new Object();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean readerWaits;
    private volatile boolean released;

    AmiEventCap(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("crm.ami.max-queued-events must be at least 1, not " + max);
        }
        this.max = max;
        // what the reader may have parsed and not yet handed over; at least one event of room to read into
        this.readingLimit = Math.max(1, max - Math.min(1_000, max / 10));
    }

    int max() {
        return max;
    }

    int count() {
        return count.get();
    }

    /** The socket is not read now because the cap is reached. */
    boolean readerWaits() {
        return readerWaits;
    }

    /**
     * On asterisk-java's reader thread, before each line: waits while the events received and not
     * stored reach the reading limit, or until {@code closed} (the socket went, or is being shut).
     */
    void awaitReadingRoom(BooleanSupplier closed) throws InterruptedException {
        if (count.get() < readingLimit) {
            return;
        }
        readerWaits = true;
        try {
            await(readingLimit, closed);
        } finally {
            readerWaits = false;
        }
    }

    /** An event was handed over: counted, after waiting for room if the cap is reached. */
    void received() throws InterruptedException {
        if (count.get() >= max) {
            await(max, () -> released);
        }
        count.incrementAndGet();
    }

    /** Events stored or found to mean nothing: their room is free. */
    void done(int events) {
        if (events == 0) {
            return;
        }
        count.addAndGet(-events);
        if (waiting.get() > 0) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }

    /** Shutting down: nothing waits for room any more. */
    void release() {
        released = true;
        synchronized (room) {
            room.notifyAll();
        }
    }

    private void await(int limit, BooleanSupplier giveUp) throws InterruptedException {
        waiting.incrementAndGet();
        try {
            synchronized (room) {
                while (count.get() >= limit && !released && !giveUp.getAsBoolean()) {
                    room.wait(LOOK_AGAIN_MILLIS);
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
    }
}

package org.callcentre.crm.telephony.ami;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Keeps in the database up to when everything heard from Asterisk is stored, so that a process
 * that did not listen before — this one after a restart or a {@code kill -9}, or the node taking
 * over from a dead leader — knows since when nobody did: its first login ends an {@link AmiOutage}
 * from there, and the calls of that time are backfilled from the CDR or reported like those of any
 * drop. Written every ping interval while this node listens, at a moment when no event received
 * waits to be stored (a mark ahead of the database would narrow the next gap past calls never
 * stored; waiting for such a moment holds no event up, where a marker through the ingest queues
 * would hold up the rings that jump them), and at a clean stop. After a {@code kill -9} it is at
 * most an interval old (more under a backlog that never empties), which only widens the gap:
 * calls already stored are not backfilled twice.
 */
final class AmiListenedMark {
    private static final Logger LOG = LoggerFactory.getLogger(AmiListenedMark.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(50);

    private final AmiListenedMarks marks;
    private final AmiEventWorker worker;
    private final AmiOutageWatch watch;
    private final String address;
    private final Duration interval;
    private final BooleanSupplier listening;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "ami-listened-mark"));
    private Instant written;

    /** @param listening whether this node is logged in and taking events now */
    AmiListenedMark(AmiListenedMarks marks, AmiEventWorker worker, AmiOutageWatch watch, String address, Duration interval,
                    BooleanSupplier listening) {
        this.marks = marks;
        this.worker = worker;
        this.watch = watch;
        this.address = address;
        this.interval = interval;
        this.listening = listening;
    }

    void start() {
        writer.scheduleWithFixedDelay(() -> write(interval), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Before this node's first login: since when nobody has listened, as the mark says; empty on a first start. */
    Optional<Instant> storedUntil() {
        try {
            return marks.storedUntil(address);
        } catch (RuntimeException e) {
            LOG.warn("AMI: cannot read up to when the events of {} were stored ({}); no gap is dated for the time before this login",
                    address, e.toString());
            return Optional.empty();
        }
    }

    /** Logged off for good: the last mark, once the events heard are stored. */
    void stop(boolean wasListening) {
        writer.shutdownNow();
        try {
            writer.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (wasListening) {
                writeWhenStored(watch.lastHeard(), STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Duration wait) {
        if (!listening.getAsBoolean()) {
            return;
        }
        try {
            writeWhenStored(watch.lastHeard(), wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeWhenStored(Instant heard, Duration wait) throws InterruptedException {
        if (heard == null || heard.equals(written)) {
            return;
        }
        // events are counted as queued before they count as heard: none queued now, none heard by then is unstored
        long deadline = System.nanoTime() + wait.toNanos();
        while (worker.queued() > 0) {
            if (System.nanoTime() > deadline) {
                LOG.debug("AMI: events heard up to {} not all stored within {}; the listened mark stays at {}", heard, wait, written);
                return;
            }
            Thread.sleep(LOOK_AGAIN.toMillis());
        }
        try {
            marks.stored(address, heard);
            written = heard;
        } catch (RuntimeException e) {
            // PostgreSQL away: the mark stays older, which only widens a gap
            LOG.debug("AMI: listened mark not written: {}", e.toString());
        }
    }
}

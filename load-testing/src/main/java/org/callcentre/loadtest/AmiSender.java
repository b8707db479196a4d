package org.callcentre.loadtest;

import java.io.IOException;

/**
 * Writes the timeline's AMI events to the CRM's manager connection, one flush per tick. A CRM
 * that stops reading makes the write block, so the events fall behind their schedule and the run
 * shows it as events not sent in the window.
 */
final class AmiSender implements Timeline.Sink<String> {
    private final AmiServer ami;
    private final StringBuilder batch = new StringBuilder(1 << 16);
    private long inBatch;
    private long sent;
    private long sentInWindow;
    private long windowEndNanos = Long.MAX_VALUE;

    AmiSender(AmiServer ami) {
        this.ami = ami;
    }

    void window(long endNanos) {
        windowEndNanos = endNanos;
    }

    @Override
    public void emit(Timeline.Item<String> item, long scheduledNanos) {
        batch.append(item.payload());
        inBatch++;
    }

    @Override
    public void flush() throws IOException {
        if (inBatch == 0) {
            return;
        }
        ami.write(batch.toString(), true);
        sent += inBatch;
        if (System.nanoTime() < windowEndNanos) {
            sentInWindow += inBatch;
        }
        batch.setLength(0);
        inBatch = 0;
    }

    long sent() {
        return sent;
    }

    long sentInWindow() {
        return sentInWindow;
    }
}

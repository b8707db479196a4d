package org.callcentre.loadtest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the timeline's AMI events to the CRM's manager connection, one flush per tick. A CRM
 * that stops reading makes the write block, and one that logged off makes it wait for the next
 * login ({@link AmiServer}), so the events fall behind their schedule and the run shows it as
 * events not sent in the window.
 */
final class AmiSender implements Timeline.Sink<String> {
    private final AmiServer ami;
    private final StringBuilder batch = new StringBuilder(1 << 16);
    private final List<AmiServer.ChannelChange> changes = new ArrayList<>();
    private int inBatch;
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
        String block = item.payload();
        batch.append(block);
        inBatch++;
        if (block.startsWith("Event: Newchannel\r\n")) {
            changes.add(new AmiServer.ChannelChange(field(block, "Uniqueid"), field(block, "Channel"), true));
        } else if (block.startsWith("Event: Hangup\r\n")) {
            changes.add(new AmiServer.ChannelChange(field(block, "Uniqueid"), null, false));
        }
    }

    private static String field(String block, String name) {
        int at = block.indexOf("\r\n" + name + ": ") + name.length() + 4;
        return block.substring(at, block.indexOf('\r', at));
    }

    @Override
    public void flush() throws IOException, InterruptedException {
        if (inBatch == 0) {
            return;
        }
        ami.write(batch.toString(), inBatch, List.copyOf(changes));
        sent += inBatch;
        if (System.nanoTime() < windowEndNanos) {
            sentInWindow += inBatch;
        }
        batch.setLength(0);
        changes.clear();
        inBatch = 0;
    }

    long sent() {
        return sent;
    }

    long sentInWindow() {
        return sentInWindow;
    }
}

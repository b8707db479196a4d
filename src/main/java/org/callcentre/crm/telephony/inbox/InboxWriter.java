package org.callcentre.crm.telephony.inbox;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Group commit for webhooks: whatever requests wait while one commit runs are stored together, in
 * one {@code INSERT} and one commit, and each is answered once that commit is done. A webhook is
 * still durable before its 200, but a busy PBX's concurrent webhooks share the disk's flush instead
 * of queueing for one each. One thread writes; it hands the stored entries to the {@link InboxWorker}.
 */
@Singleton
public class InboxWriter {
    /** Bounds one statement's size; a group this large means the disk, not the statement, is the limit. */
    private static final int MAX_GROUP = 1_000;

    private record Waiting(Received webhook, CompletableFuture<Long> stored) {
    }

    private final TelephonyInbox inbox;
    private final InboxWorker worker;
    private final TransactionOperations<Connection> transactions;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    InboxWriter(TelephonyInbox inbox, InboxWorker worker, TransactionOperations<Connection> transactions) {
        this.inbox = inbox;
        this.worker = worker;
        this.transactions = transactions;
        this.writer = new Thread(this::writeLoop, "telephony-inbox-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stores the webhook with whatever else waits, and returns once that is committed.
     *
     * @return the entry's id
     * @throws RuntimeException what storing the group threw (e.g. PostgreSQL unreachable): nothing of it was stored
     */
    public long store(Received webhook) {
        Waiting waiting = new Waiting(webhook, new CompletableFuture<>());
        queue.add(waiting);
        try {
            return waiting.stored().get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the webhook was being stored", e);
        }
    }

    /** Webhooks waiting for the next group (not the one being written). */
    int waiting() {
        return queue.size();
    }

    private void writeLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Waiting> group = new ArrayList<>();
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            List<Received> webhooks = group.stream().map(Waiting::webhook).toList();
            List<Long> ids;
            try {
                ids = transactions.executeWrite(status -> inbox.storeAll(webhooks));
            } catch (RuntimeException e) {
                group.forEach(waiting -> waiting.stored().completeExceptionally(e));
                continue;
            }
            worker.received(ids, webhooks);
            for (int i = 0; i < group.size(); i++) {
                group.get(i).stored().complete(ids.get(i));
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.interrupt();
        writer.join(10_000);
    }
}

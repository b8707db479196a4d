package org.callcentre.crm.screenpop;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;

/**
 * Hears of call changes once their transaction has committed (so a pop never shows a call that was
 * rolled back) and hands them to the push thread, so that ingest never waits for a browser.
 */
@Singleton
public class ScreenPopListener {
    private final LivePushQueue queue;
    private final ScreenPops pops;
    private final LiveSockets sockets;

    public ScreenPopListener(LivePushQueue queue, ScreenPops pops, LiveSockets sockets) {
        this.queue = queue;
        this.pops = pops;
        this.sockets = sockets;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCallChanged(CallChanged change) {
        if (sockets.anyOpen()) {
            queue.submit(change.callId(), "call", () -> pops.push(change));
        }
    }
}

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

    public ScreenPopListener(LivePushQueue queue, ScreenPops pops) {
        this.queue = queue;
        this.pops = pops;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCallChanged(CallChanged change) {
        queue.submit("call " + change.callId(), () -> pops.push(change));
    }
}

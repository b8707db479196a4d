package org.callcentre.crm.screenpop;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.calls.ingest.CallEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hears of call changes once their transaction has committed (so a pop never shows a call that was
 * rolled back) and hands them to the push threads, so that ingest never waits for a browser. While
 * a call's push is still waiting its turn, later changes of that call join it: under load one push
 * carries the newest state and every ring since, instead of a queue of stale states.
 */
@Singleton
public class ScreenPopListener {
    private final LivePushQueue queue;
    private final ScreenPops pops;
    private final LiveSockets sockets;
    private final ConcurrentHashMap<Long, CallChanged> waiting = new ConcurrentHashMap<>();

    public ScreenPopListener(LivePushQueue queue, ScreenPops pops, LiveSockets sockets) {
        this.queue = queue;
        this.pops = pops;
        this.sockets = sockets;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCallChanged(CallChanged change) {
        if (!sockets.anyOpen()) {
            return;
        }
        long callId = change.callId();
        boolean[] first = {false};
        waiting.compute(callId, (id, earlier) -> {
            first[0] = earlier == null;
            return earlier == null ? change : joined(earlier, change);
        });
        if (first[0]) {
            queue.submit(callId, "call", () -> pops.push(waiting.remove(callId)));
        }
    }

    private static CallChanged joined(CallChanged earlier, CallChanged later) {
        List<CallEvent> events = new ArrayList<>(earlier.newEvents());
        events.addAll(later.newEvents());
        return new CallChanged(later.callId(), later.outcome(), later.links(), events);
    }
}

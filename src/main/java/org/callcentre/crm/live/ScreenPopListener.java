package org.callcentre.crm.live;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.cluster.PeerMessage;

/**
 * Hears of call changes once their transaction has committed (so a pop never shows a call that was
 * rolled back) and hands them to the push thread, so that ingest never waits for a browser. Changes
 * committed by another node (the one holding the PBX connection) arrive over the cluster channel
 * and are pushed the same way to the operators and supervisors connected here.
 */
@Singleton
public class ScreenPopListener {
    private final LivePushQueue queue;
    private final ScreenPops pops;
    private final LiveSockets sockets;
    private final ClusterBus bus;

    public ScreenPopListener(LivePushQueue queue, ScreenPops pops, LiveSockets sockets, ClusterBus bus) {
        this.queue = queue;
        this.pops = pops;
        this.sockets = sockets;
        this.bus = bus;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCallChanged(CallChanged change) {
        if (sockets.anyOpen()) {
            queue.submit(change.callId(), "call", () -> pops.push(change));
        }
    }

    @EventListener
    void onPeerMessage(PeerMessage message) {
        if (CallMoved.TOPIC.equals(message.topic()) && sockets.anyOpen()) {
            CallMoved change = bus.read(message, CallMoved.class);
            queue.submit(change.callId(), "call from another node", () -> pops.push(change));
        }
    }
}

package org.callcentre.crm.live;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.cluster.PeerMessage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hears of call changes once their transaction has committed (so a pop never shows a call that was
 * rolled back) and hands them to the push threads, so that ingest never waits for a browser. Changes
 * committed by another node (the one holding the PBX connection) arrive over the cluster channel
 * and are pushed the same way to the operators and supervisors connected here.
 *
 * <p>A change in which someone's phone starts ringing is a screen-pop and goes in the pops' lane
 * ({@link LivePushQueue#submitFirst}), so its latency does not grow with the backlog of updates.
 * Any other change is a "call-updated", and only the newest one of a call matters: while one waits
 * to be pushed, a newer change of the same call takes its place (the memory held is one change per
 * call, however far the pushes fall behind), and an update older than a pop that overtook it is not
 * pushed after it.
 */
@Singleton
public class ScreenPopListener {
    /** Far longer than any call; only bounds the memory of calls whose end never arrives. */
    private static final Duration FORGET_UNENDED_CALL = Duration.ofHours(12);

    private final LivePushQueue queue;
    private final ScreenPops pops;
    private final LiveSockets sockets;
    private final ClusterBus bus;
    /** Commit order of the changes heard (one call's changes commit on one ingest thread, in order). */
    private final AtomicLong heard = new AtomicLong();
    /** The newest update of each call not pushed yet. */
    private final Map<Long, Heard> waitingUpdates = new ConcurrentHashMap<>();
    /** The order of the last pop pushed for a call that has not ended. */
    private final Cache<Long, Long> poppedAt = Caffeine.newBuilder().expireAfterAccess(FORGET_UNENDED_CALL).build();

    public ScreenPopListener(LivePushQueue queue, ScreenPops pops, LiveSockets sockets, ClusterBus bus) {
        this.queue = queue;
        this.pops = pops;
        this.sockets = sockets;
        this.bus = bus;
    }

    private record Heard(CallChanged change, long order) {
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCallChanged(CallChanged change) {
        if (!sockets.anyOpen()) {
            return;
        }
        long callId = change.callId();
        Heard heard = new Heard(change, this.heard.incrementAndGet());
        if (!change.rung().isEmpty()) {
            queue.submitFirst(callId, "screen-pop", () -> {
                poppedAt.put(callId, heard.order());
                push(heard);
            });
        } else if (waitingUpdates.put(callId, heard) == null) {
            queue.submit(callId, "call", () -> {
                Heard newest = waitingUpdates.remove(callId);
                Long popped = poppedAt.getIfPresent(callId);
                if (newest != null && (popped == null || popped < newest.order())) {
                    push(newest);
                }
            });
        }
    }

    private void push(Heard heard) {
        pops.push(heard.change());
        if (heard.change().outcome().ended()) {
            poppedAt.invalidate(heard.change().callId());
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

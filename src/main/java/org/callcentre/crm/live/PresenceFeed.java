package org.callcentre.crm.live;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.cluster.PeerMessage;
import org.callcentre.crm.operators.WorkStatusChanged;
import org.callcentre.crm.presence.OperatorState;
import org.callcentre.crm.presence.Presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Pushes {@code operator-state} to supervisors whenever an operator's live state moves: a committed
 * call change, a committed work-status change, or a wrap-up running out (nothing else would tell).
 * All of it runs on the live-push thread, never on the thread that ingests calls.
 */
@Singleton
public class PresenceFeed {
    private final Presence presence;
    private final LiveSockets sockets;
    private final LivePushQueue queue;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final ClusterBus bus;
    /** Extensions with a wrap-up timer pending; touched only on the live-push thread. */
    private final Set<String> wrapUpTimers = new HashSet<>();

    public PresenceFeed(Presence presence, LiveSockets sockets, LivePushQueue queue, TaskScheduler scheduler, Clock clock, ClusterBus bus) {
        this.bus = bus;
        this.presence = presence;
        this.sockets = sockets;
        this.queue = queue;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * On the push thread like every call change, so that a change committed meanwhile is applied
     * after the calls it belongs to were rebuilt, never before.
     */
    @EventListener
    void onStartup(ServerStartupEvent event) {
        queue.submit("presence recovery", () -> moved(presence.recover()));
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCallChanged(CallChanged change) {
        queue.submit("presence after call " + change.callId(), () -> moved(presence.record(change)));
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onWorkStatusChanged(WorkStatusChanged change) {
        operatorMoved(change.operatorId());
    }

    /** What another node committed: the same pushes, from the rows and events it wrote. */
    @EventListener
    void onPeerMessage(PeerMessage message) {
        switch (message.topic()) {
            case CallMoved.TOPIC -> {
                CallMoved change = bus.read(message, CallMoved.class);
                queue.submit("presence after call " + change.callId(), () -> moved(presence.recordStored(change.callId(), change.ended())));
            }
            case OperatorMoved.TOPIC -> operatorMoved(bus.read(message, OperatorMoved.class).operatorId());
            case PeerMessage.RESYNC -> queue.submit("presence recovery", () -> moved(presence.recover()));
            default -> {
                // not about operators' states
            }
        }
    }

    private void operatorMoved(long operatorId) {
        queue.submit("presence of operator " + operatorId, () -> {
            if (sockets.hasSupervisors()) {
                presence.ofOperator(operatorId).map(OperatorState::of).ifPresent(sockets::toSupervisors);
            }
        });
    }

    private void moved(Set<String> extensions) {
        for (String extension : extensions) {
            presence.wrapUpEnds(extension).ifPresent(until -> {
                if (wrapUpTimers.add(extension)) {
                    wakeAt(extension, until);
                }
            });
            push(extension);
        }
    }

    private void wakeAt(String extension, Instant at) {
        scheduler.schedule(Duration.between(clock.instant(), at),
                () -> queue.submit("wrap-up of " + extension, () -> wrapUpElapsed(extension)));
    }

    private void wrapUpElapsed(String extension) {
        Optional<Instant> extended = presence.wrapUpEnds(extension);
        if (extended.isPresent()) {
            // a later call's wrap-up, or the timer ran a little early
            wakeAt(extension, extended.get());
            return;
        }
        wrapUpTimers.remove(extension);
        // A ring or a call that ended the wrap-up early was pushed when it began.
        if (presence.isFree(extension)) {
            push(extension);
        }
    }

    private void push(String extension) {
        if (sockets.hasSupervisors()) {
            presence.onExtension(extension).map(OperatorState::of).ifPresent(sockets::toSupervisors);
        }
    }
}

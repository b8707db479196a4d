package org.callcentre.crm.live;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.auth.SessionsEnded;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.cluster.PeerMessage;

/**
 * Closes a user's open WebSockets when their sessions end: on this node once the change commits, on
 * the others when the cluster bus brings the news (with the same commit).
 */
@Singleton
class SocketsOfEndedSessions {
    private final SocketAdmission admission;
    private final ClusterBus bus;

    SocketsOfEndedSessions(SocketAdmission admission, ClusterBus bus) {
        this.admission = admission;
        this.bus = bus;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onSessionsEnded(SessionsEnded ended) {
        admission.closeAll(ended.operatorId());
    }

    @EventListener
    void onPeerMessage(PeerMessage message) {
        if (SessionsEnded.TOPIC.equals(message.topic())) {
            admission.closeAll(bus.read(message, SessionsEnded.class).operatorId());
        }
    }
}

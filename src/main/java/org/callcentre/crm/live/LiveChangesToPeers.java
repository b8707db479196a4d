package org.callcentre.crm.live;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.calls.ingest.CallProjection;
import org.callcentre.crm.cluster.ClusterBus;
import org.callcentre.crm.operators.WorkStatusChanged;

import java.util.List;

/**
 * Tells the other nodes of call and work-status changes, inside the transaction that makes them,
 * so that operators and supervisors connected to any node see them (their pops, call updates,
 * operator states and wallboard). Costs nothing on a single node.
 */
@Singleton
class LiveChangesToPeers implements CallProjection {
    private final ClusterBus bus;

    LiveChangesToPeers(ClusterBus bus) {
        this.bus = bus;
    }

    @Override
    public int order() {
        return PEERS;
    }

    /** A notice per call, sent by PostgreSQL with the commit (NOTIFY is transactional). */
    @Override
    public void project(List<CallChanged> changes) {
        changes.forEach(change -> bus.publish(CallMoved.TOPIC, CallMoved.of(change)));
    }

    @EventListener
    void onWorkStatusChanged(WorkStatusChanged change) {
        bus.publish(OperatorMoved.TOPIC, new OperatorMoved(change.operatorId()));
    }
}

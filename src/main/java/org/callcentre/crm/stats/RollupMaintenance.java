package org.callcentre.crm.stats;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.callcentre.crm.calls.ingest.CallChanged;
import org.callcentre.crm.operators.WorkStatusChanged;
import org.callcentre.crm.orders.OrderChanged;

/**
 * Hears of every change to calls, orders and work statuses inside the transaction that makes it,
 * so that a figure and its rollup are committed (or rolled back) together.
 */
@Singleton
class RollupMaintenance {
    private final RollupWriter rollups;

    public RollupMaintenance(RollupWriter rollups) {
        this.rollups = rollups;
    }

    @EventListener
    void onCallChanged(CallChanged change) {
        rollups.callChanged(change.callId());
    }

    @EventListener
    void onOrderChanged(OrderChanged change) {
        rollups.orderChanged(change.orderId());
    }

    @EventListener
    void onWorkStatusChanged(WorkStatusChanged change) {
        rollups.statusPeriodsClosed(change.operatorId());
    }
}
